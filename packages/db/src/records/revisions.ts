import type { Kysely } from "kysely";
import { isId, newId } from "../ids";
import type { PublishedForm } from "../storage/types";
import { type FieldDiff, json, type RevisionAction, type SystemTables } from "../tables";
import { diffFields } from "./diff";
import { getRecord } from "./read";
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

/**
 * A record's history, oldest first. A create revision is stored with an empty diff; its diff is
 * rebuilt here from the record's current values and the `from` side of every later change.
 */
export async function listRevisions(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  recordId: string,
): Promise<RevisionView[]> {
  if (!isId(recordId)) return [];
  const rows = await db
    .selectFrom("revisions")
    .select(["id", "version", "action", "actor", "at", "diff"])
    .where("form_id", "=", form.id)
    .where("record_id", "=", recordId)
    .orderBy("version")
    .orderBy("id")
    .execute();
  const views: RevisionView[] = rows.map((row) => ({
    id: row.id,
    version: row.version,
    action: row.action,
    actor: row.actor,
    at: row.at.toISOString(),
    diff: row.diff,
  }));
  const created = views[0];
  if (created?.action === "create" && Object.keys(created.diff).length === 0) {
    const current = await getRecord(db, form, recordId, { deleted: "include" });
    if (current) created.diff = createdDiff(current.data, views.slice(1));
  }
  return views;
}

function createdDiff(current: Record<string, unknown>, later: readonly RevisionView[]): FieldDiff {
  const state: Record<string, unknown> = { ...current };
  for (const revision of [...later].reverse()) {
    for (const [field, change] of Object.entries(revision.diff)) {
      if (!field.startsWith("$")) state[field] = change.from;
    }
  }
  return diffFields({}, state, Object.keys(state));
}
