import type { Kysely } from "kysely";
import { newId } from "../ids";
import { type FieldDiff, json, type RevisionAction, type SystemTables } from "../tables";
import type { RevisionView } from "./types";

export interface RevisionEntry {
  recordId: string;
  version: number;
  action: RevisionAction;
  diff: FieldDiff;
}

const CHUNK = 2_000;

export async function appendRevisions(
  db: Kysely<SystemTables>,
  formId: string,
  actor: string | null,
  entries: readonly RevisionEntry[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += CHUNK) {
    await db
      .insertInto("revisions")
      .values(
        entries.slice(start, start + CHUNK).map((entry) => ({
          id: newId(),
          form_id: formId,
          record_id: entry.recordId,
          version: entry.version,
          actor,
          action: entry.action,
          diff: json(entry.diff),
        })),
      )
      .execute();
  }
}

/** A record's history, oldest first. */
export async function listRevisions(
  db: Kysely<SystemTables>,
  form: { id: string },
  recordId: string,
): Promise<RevisionView[]> {
  const rows = await db
    .selectFrom("revisions")
    .select(["id", "version", "action", "actor", "at", "diff"])
    .where("form_id", "=", form.id)
    .where("record_id", "=", recordId)
    .orderBy("version")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    action: row.action,
    actor: row.actor,
    at: row.at.toISOString(),
    diff: row.diff,
  }));
}
