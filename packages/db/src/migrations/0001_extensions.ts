import { type Kysely, sql } from "kysely";

// pg_trgm backs the substring search indexes of record tables (Chinese included). It is a trusted
// extension since PostgreSQL 13, so a database owner may create it; `IF NOT EXISTS` keeps a shared
// installation (as the per-schema test databases use) untouched.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
}

export async function down(): Promise<void> {
  // Other schemas of the same database may use the extension: never dropped by a rollback.
}
