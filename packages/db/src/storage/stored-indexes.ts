// The extra index lists a published version carries (`form_versions.storage.indexes`): what publishing
// keeps, what `queryRecords` counts exactly on. Changed without a new version when a view's index is
// added, which bumps `forms.storage_revision` so cached published forms are reloaded everywhere.
import type { FormDefinition } from "@formwork/schema";
import { FormworkError } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { json, type SystemTables } from "../tables";
import { publishedFormRow } from "./load";

export interface LockedForm {
  id: string;
  tableName: string;
  version: number;
  definition: FormDefinition;
  indexes: string[][];
}

/** The published form, its row locked until the caller's transaction ends; NOT_FOUND when unpublished. */
export async function lockPublishedForm(trx: Kysely<SystemTables>, formId: string): Promise<LockedForm> {
  const form = await publishedFormRow(trx, formId).forUpdate("forms").executeTakeFirst();
  if (!form?.table_name) throw new FormworkError("NOT_FOUND", "Form not found or not published.");
  return {
    id: form.id,
    tableName: form.table_name,
    version: form.version,
    definition: form.definition as FormDefinition,
    indexes: form.storage.indexes ?? [],
  };
}

/** Adds `lists` to the locked form's stored index lists (once each); returns the merged lists. */
export async function storeIndexLists(
  trx: Kysely<SystemTables>,
  form: LockedForm,
  lists: readonly (readonly string[])[],
): Promise<string[][]> {
  const known = new Set(form.indexes.map((list) => list.join(",")));
  const added = lists.filter((list) => !known.has(list.join(","))).map((list) => [...list]);
  if (added.length === 0) return form.indexes;
  const merged = [...form.indexes, ...added];
  await writeIndexLists(trx, form, merged);
  return merged;
}

/** Removes `lists` from the locked form's stored index lists; returns what is left. */
export async function forgetIndexLists(
  trx: Kysely<SystemTables>,
  form: LockedForm,
  lists: readonly (readonly string[])[],
): Promise<string[][]> {
  const gone = new Set(lists.map((list) => list.join(",")));
  const kept = form.indexes.filter((list) => !gone.has(list.join(",")));
  if (kept.length === form.indexes.length) return form.indexes;
  await writeIndexLists(trx, form, kept);
  return kept;
}

/** Writes the version's index lists and bumps the form's storage revision (cached forms reload). */
async function writeIndexLists(
  trx: Kysely<SystemTables>,
  form: LockedForm,
  lists: string[][],
): Promise<void> {
  await trx
    .updateTable("form_versions")
    .set({ storage: sql`storage || ${json({ indexes: lists })}::jsonb` })
    .where("form_id", "=", form.id)
    .where("version", "=", form.version)
    .execute();
  await trx
    .updateTable("forms")
    .set({ storage_revision: sql<number>`storage_revision + 1` })
    .where("id", "=", form.id)
    .execute();
}
