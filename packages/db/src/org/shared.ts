import { FormworkError } from "@formwork/schema";
import type { Kysely } from "kysely";
import { UniqueViolationError } from "../errors";
import { isId } from "../ids";
import type { SystemTables } from "../tables";

export type Db = Kysely<SystemTables>;

/** Runs `work`; a unique index refusing a name becomes UNIQUE_VIOLATION pointing at `path`. */
export async function nameMustBeFree<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueViolationError) {
      throw new FormworkError("UNIQUE_VIOLATION", "The name is already used here", [
        { path, message: "already used" },
      ]);
    }
    throw error;
  }
}

export function notFound(what: string, path?: string): FormworkError {
  return new FormworkError("NOT_FOUND", `No such ${what}`, path ? [{ path, message: "not found" }] : []);
}

/**
 * Checks that every id names an existing row of `table`; NOT_FOUND pointing at the first bad item of
 * `path` (e.g. /userIds/2) otherwise. One query for the whole list.
 */
export async function requireAll(
  db: Db,
  table: "users" | "departments" | "roles",
  ids: readonly string[],
  path: string,
): Promise<void> {
  const what = table === "users" ? "user" : table === "roles" ? "role" : "department";
  const bad = ids.findIndex((id) => !isId(id));
  if (bad >= 0) throw notFound(what, `${path}/${bad}`);
  if (ids.length === 0) return;
  const found = await db
    .selectFrom(table)
    .select("id")
    .where("id", "in", [...new Set(ids)])
    .execute();
  const known = new Set(found.map((r) => r.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0) throw notFound(what, `${path}/${missing}`);
}

export const requireUsers = (db: Db, ids: readonly string[], path: string) =>
  requireAll(db, "users", ids, path);

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything starting with "50". */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
