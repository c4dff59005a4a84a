// The live record as the engine should see it: branch conditions and edit checks read the record as it
// is now (a PATCH may have changed it since the flow started), not the copy in the stored state.
import { type ApiRecord, type PublishedForm, queryRecords } from "@formwork/db";
import { sql } from "kysely";
import type { Db } from "../../database";

/** The records with these ids (live or binned), by id; one query per form. */
export async function currentRecords(
  db: Db,
  form: PublishedForm,
  ids: readonly string[],
): Promise<Map<string, ApiRecord>> {
  if (ids.length === 0) return new Map();
  const page = await queryRecords(db, form, {
    filter: sql<boolean>`id = ANY(${[...ids]}::uuid[])`,
    deleted: "include",
    limit: Math.min(1000, ids.length),
    count: false,
    // One text per form version: prepared, so the command path does not re-plan it per transition.
    prepare: true,
  });
  return new Map(page.records.map((r) => [r.id, r]));
}

/** What inboxes show for a record: its first serial number, else its first non-empty text. */
export function recordTitle(form: PublishedForm, data: Record<string, unknown>): string {
  const fields = form.definition.fields;
  const pick = (types: readonly string[]) =>
    fields
      .filter((f) => types.includes(f.type))
      .map((f) => data[f.id])
      .find((v): v is string => typeof v === "string" && v.trim() !== "");
  const serial = pick(["serial"]);
  const text = pick(["text", "textarea", "email", "phone"]);
  return [serial, text].filter(Boolean).join(" ").slice(0, 200);
}
