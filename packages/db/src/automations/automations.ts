// Stored automations of an app. Routes check the caller is an admin of the app; these functions only
// store. The write path asks `enabledAutomationsOf(form)` (one indexed query, cached by the server).
import { type AutomationDefinition, type AutomationView, FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import { newId } from "../ids";
import type { Db } from "../org/shared";
import { nameMustBeFree } from "../org/shared";
import { json } from "../tables";

export type StoredAutomation = AutomationView;

export interface AutomationInput {
  appId: string;
  formId: string;
  definition: AutomationDefinition;
  enabled: boolean;
  nextRunAt: Date | null;
}

type Row = {
  id: string;
  app_id: string;
  form_id: string;
  enabled: boolean;
  version: number;
  definition: AutomationDefinition;
  next_run_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

function view(row: Row): StoredAutomation {
  return {
    id: row.id,
    appId: row.app_id,
    formId: row.form_id,
    enabled: row.enabled,
    version: row.version,
    definition: row.definition,
    nextRunAt: row.next_run_at ? row.next_run_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const COLUMNS = [
  "id",
  "app_id",
  "form_id",
  "enabled",
  "version",
  "definition",
  "next_run_at",
  "created_at",
  "updated_at",
] as const;

export async function listAutomations(db: Db, appId: string): Promise<StoredAutomation[]> {
  const rows = await db
    .selectFrom("automations")
    .select(COLUMNS)
    .where("app_id", "=", appId)
    .orderBy("created_at")
    .orderBy("id")
    .limit(500)
    .execute();
  return rows.map(view);
}

export async function getAutomation(db: Db, appId: string, id: string): Promise<StoredAutomation | null> {
  const row = await db
    .selectFrom("automations")
    .select(COLUMNS)
    .where("app_id", "=", appId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? view(row) : null;
}

export async function getAutomationById(db: Db, id: string): Promise<StoredAutomation | null> {
  const row = await db.selectFrom("automations").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? view(row) : null;
}

/** The enabled automations whose trigger form is `formId`, oldest first (the order they run in). */
export async function enabledAutomationsOf(db: Db, formId: string): Promise<StoredAutomation[]> {
  const rows = await db
    .selectFrom("automations")
    .select(COLUMNS)
    .where("form_id", "=", formId)
    .where("enabled", "=", true)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(view);
}

export async function insertAutomation(
  db: Db,
  input: AutomationInput,
  createdBy: string | null,
): Promise<StoredAutomation> {
  const id = newId();
  await nameMustBeFree("/id", () =>
    db
      .insertInto("automations")
      .values({
        id,
        app_id: input.appId,
        key: input.definition.id,
        form_id: input.formId,
        trigger_type: input.definition.trigger.type,
        definition: json(input.definition),
        enabled: input.enabled,
        next_run_at: input.nextRunAt,
        created_by: createdBy,
      })
      .execute(),
  );
  return (await getAutomation(db, input.appId, id))!;
}

/** Replaces the definition; `expectedVersion` guards against overwriting another admin's edit. */
export async function updateAutomation(
  db: Db,
  id: string,
  input: AutomationInput,
  expectedVersion?: number,
): Promise<StoredAutomation> {
  let update = db
    .updateTable("automations")
    .set({
      key: input.definition.id,
      form_id: input.formId,
      trigger_type: input.definition.trigger.type,
      definition: json(input.definition),
      enabled: input.enabled,
      next_run_at: input.nextRunAt,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("app_id", "=", input.appId);
  if (expectedVersion !== undefined) update = update.where("version", "=", expectedVersion);
  const result = await nameMustBeFree("/id", () => update.executeTakeFirst());
  if (Number(result.numUpdatedRows) === 0) {
    const exists = await getAutomation(db, input.appId, id);
    if (!exists) throw new FormworkError("NOT_FOUND", "No such automation");
    throw new FormworkError("VERSION_CONFLICT", `The automation changed (now version ${exists.version})`, [
      { path: "/version", message: `current version is ${exists.version}` },
    ]);
  }
  return (await getAutomation(db, input.appId, id))!;
}

export async function deleteAutomation(db: Db, appId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("automations")
    .where("app_id", "=", appId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Claims up to `limit` due schedule/date automations in the caller's transaction (FOR UPDATE SKIP
 * LOCKED): two pollers never get the same row; the caller moves next_run_at on before committing.
 * `now` is the server's clock (a test may run it ahead of the database's).
 */
export async function claimDueAutomations(
  db: Db,
  limit: number,
  now: Date = new Date(),
): Promise<StoredAutomation[]> {
  const { rows } = await sql<Row>`
    SELECT ${sql.join(COLUMNS.map((c) => sql.ref(c)))} FROM automations
    WHERE enabled AND next_run_at IS NOT NULL AND next_run_at <= ${now}
    ORDER BY next_run_at
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`.execute(db);
  return rows.map(view);
}

export async function setNextRun(db: Db, id: string, nextRunAt: Date | null): Promise<void> {
  await db.updateTable("automations").set({ next_run_at: nextRunAt }).where("id", "=", id).execute();
}

/** Claims the (automation, record, date) firing; false when it fired already (a date fires once per value). */
export async function claimDateFire(
  db: Db,
  automationId: string,
  recordId: string,
  dateValue: string,
): Promise<boolean> {
  const { rows } = await sql<{ record_id: string }>`
    INSERT INTO automation_date_fires (automation_id, record_id, date_value)
    VALUES (${automationId}, ${recordId}, ${dateValue})
    ON CONFLICT DO NOTHING RETURNING record_id`.execute(db);
  return rows.length > 0;
}
