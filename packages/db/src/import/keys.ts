// Update and upsert imports find their records by a key field: one statement per batch of key values,
// typed like the column so its index (unique fields have one) serves the look-up.
import { type Kysely, sql } from "kysely";
import { modelOf } from "../records/model";
import { quoteIdentifier } from "../storage/names";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";

const KEY_SQL_TYPES = new Set(["text", "numeric", "integer"]);

/** Whether records can be found by this field's value (a scalar text or number column). */
export function isKeyField(form: PublishedForm, fieldId: string): boolean {
  const column = modelOf(form).columnsById.get(fieldId);
  return column !== undefined && KEY_SQL_TYPES.has(column.sqlType);
}

/**
 * Live records whose key field holds one of `values`: key text (as the column prints it) → record ids,
 * oldest first. Several ids for one key mean the key is not unique: the caller refuses such rows.
 */
export async function findRecordsByKey(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  fieldId: string,
  values: readonly string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (values.length === 0) return found;
  const model = modelOf(form);
  const column = model.columnsById.get(fieldId);
  if (!column || !KEY_SQL_TYPES.has(column.sqlType)) throw new Error(`${fieldId} is not a key field`);
  const table = sql.raw(quoteIdentifier(model.layout.table));
  const col = sql.raw(quoteIdentifier(column.column));
  const typed =
    column.sqlType === "text"
      ? sql`${[...values]}::text[]`
      : sql`(SELECT array_agg(v::numeric) FROM unnest(${[...values]}::text[]) v
             WHERE v ~ '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$')`;
  const { rows } = await sql<{ id: string; key: string }>`
    SELECT id, ${col}::text AS key FROM ${table}
    WHERE ${col} = ANY(${typed}) AND deleted_at IS NULL
    ORDER BY id`.execute(db);
  for (const row of rows) {
    const ids = found.get(row.key) ?? [];
    ids.push(row.id);
    found.set(row.key, ids);
  }
  return found;
}
