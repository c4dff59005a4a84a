import { type Kysely, sql } from "kysely";

// pg_trgm backs the substring search indexes of record tables (Chinese included). It is a trusted
// extension since PostgreSQL 13, so a database owner may create it; `IF NOT EXISTS` keeps a shared
// installation (as the per-schema test databases use) untouched.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Looked up first: CREATE EXTENSION IF NOT EXISTS still takes a catalog lock and can collide with a
  // concurrent creator, while an installed extension needs nothing at all.
  const { rows } = await sql`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (rows.length === 0) await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
}

export async function down(): Promise<void> {
  // Other schemas of the same database may use the extension: never dropped by a rollback.
}
