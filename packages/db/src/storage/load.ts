import type { FormDefinition } from "@formwork/schema";
import type { Kysely } from "kysely";
import { isId } from "../ids";
import type { SystemTables } from "../tables";
import type { PublishedForm } from "./types";

/** The select of a live form's published version row (table, version, definition, storage). */
export function publishedFormRow(db: Kysely<SystemTables>, formId: string) {
  return db
    .selectFrom("forms")
    .innerJoin("form_versions", (join) =>
      join
        .onRef("form_versions.form_id", "=", "forms.id")
        .onRef("form_versions.version", "=", "forms.published_version"),
    )
    .select([
      "forms.id",
      "forms.table_name",
      "form_versions.version",
      "form_versions.definition",
      "form_versions.storage",
    ])
    .where("forms.id", "=", formId)
    .where("forms.deleted_at", "is", null);
}

/** The form's currently published version with its table, or null when never published or deleted. */
export async function loadPublishedForm(
  db: Kysely<SystemTables>,
  formId: string,
): Promise<PublishedForm | null> {
  if (!isId(formId)) return null;
  const row = await publishedFormRow(db, formId).executeTakeFirst();
  if (!row?.table_name) return null;
  return {
    id: row.id,
    tableName: row.table_name,
    version: row.version,
    definition: row.definition as FormDefinition,
    indexes: row.storage.indexes ?? [],
  };
}
