// Flow versions: frozen when a form's publish changes its flow, never updated afterwards. Running
// instances keep the version they started on; new submissions take the latest.
import { type Kysely, sql } from "kysely";
import { newId } from "../ids";
import { json, type SystemTables } from "../tables";

export interface FlowVersion {
  id: string;
  formId: string;
  version: number;
  formVersion: number;
  definition: unknown;
}

type Db = Kysely<SystemTables>;

/** The form's newest flow version, or null when it never had a flow. */
export async function latestFlowVersion(db: Db, formId: string): Promise<FlowVersion | null> {
  const row = await db
    .selectFrom("flow_versions")
    .select(["id", "form_id", "version", "form_version", "definition"])
    .where("form_id", "=", formId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

export async function getFlowVersion(db: Db, id: string): Promise<FlowVersion | null> {
  const row = await db
    .selectFrom("flow_versions")
    .select(["id", "form_id", "version", "form_version", "definition"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/**
 * Freezes `definition` as the form's next flow version unless it equals the newest one (a publish that
 * changed only fields keeps the flow version). Call inside the publish's transaction, after the form row
 * is locked by it, so two publishes cannot number the same version.
 */
export async function saveFlowVersion(
  db: Db,
  input: { formId: string; formVersion: number; definition: unknown; actorId: string | null },
): Promise<{ version: FlowVersion; created: boolean }> {
  // jsonb equality is semantic (key order and spacing do not matter), unlike comparing JSON text.
  const latest = await db
    .selectFrom("flow_versions")
    .select(["id", "form_id", "version", "form_version", "definition"])
    .select(sql<boolean>`definition = ${json(input.definition)}::jsonb`.as("same"))
    .where("form_id", "=", input.formId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (latest?.same) return { version: toVersion(latest), created: false };
  const row = {
    id: newId(),
    form_id: input.formId,
    version: (latest?.version ?? 0) + 1,
    form_version: input.formVersion,
    definition: json(input.definition),
    created_by: input.actorId,
  };
  await db.insertInto("flow_versions").values(row).execute();
  return { version: toVersion({ ...row, definition: input.definition }), created: true };
}

function toVersion(row: {
  id: string;
  form_id: string;
  version: number;
  form_version: number;
  definition: unknown;
}): FlowVersion {
  return {
    id: row.id,
    formId: row.form_id,
    version: row.version,
    formVersion: row.form_version,
    definition: row.definition,
  };
}
