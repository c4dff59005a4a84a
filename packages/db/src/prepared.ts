// Statements the PostgreSQL driver sends as named prepared statements, so each connection parses and
// plans them once instead of on every execution: for a record create that halved the database's CPU
// time per statement (measured, docs/benchmarks.md section 1). Only statements whose text is fixed per
// form version are marked (the record insert, and the permission access-facts query, whose text never
// changes); everything else stays unnamed. The name is a hash of
// the text, so one text always has one name and a changed text (a new form version) gets a new one.
// PGlite ignores the mark. Behind PgBouncer in transaction mode this needs PgBouncer 1.21 or later
// with `max_prepared_statements` set, or `preparedStatements: false` (docs/deploy.md).
import { createHash } from "node:crypto";
import type { CompiledQuery } from "kysely";

const MAX_NAMED = 10_000;
const names = new Map<string, string>();

/** Marks `query`'s text for preparing; returns the query unchanged. */
export function prepared<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  if (!names.has(query.sql) && names.size < MAX_NAMED) {
    names.set(query.sql, `fw_${createHash("sha256").update(query.sql).digest("hex").slice(0, 40)}`);
  }
  return query;
}

/** The statement name of a marked text, or undefined for ordinary (unnamed) statements. */
export function preparedName(sql: string): string | undefined {
  return names.get(sql);
}
