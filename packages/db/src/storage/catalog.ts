import { type Kysely, sql } from "kysely";

/** Existing columns (name -> format_type) of the given tables in the current schema. */
export async function readColumns(
  db: Kysely<unknown>,
  tables: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const result = new Map<string, Map<string, string>>();
  if (tables.length === 0) return result;
  const { rows } = await sql<{ table_name: string; column_name: string; column_type: string }>`
    SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS column_type
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = current_schema()::regnamespace
      AND c.relkind = 'r'
      AND c.relname IN (${sql.join(tables)})
      AND a.attnum > 0 AND NOT a.attisdropped`.execute(db);
  for (const row of rows) {
    const columns = result.get(row.table_name) ?? new Map<string, string>();
    result.set(row.table_name, columns);
    columns.set(row.column_name, row.column_type);
  }
  return result;
}

/** Existing index names of the given tables in the current schema (primary keys excluded). */
export async function readIndexes(db: Kysely<unknown>, tables: readonly string[]): Promise<Set<string>> {
  if (tables.length === 0) return new Set();
  const { rows } = await sql<{ indexname: string }>`
    SELECT indexname FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename IN (${sql.join(tables)})
      AND indexname NOT LIKE '%\\_pkey'`.execute(db);
  return new Set(rows.map((row) => row.indexname));
}
