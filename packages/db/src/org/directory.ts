// The organisation as the workflow engine and the permission compiler see it: who is in a role, a
// department, or above someone. Every answer is one SQL statement (recursive CTEs over the department
// tree); nothing is fetched whole and filtered here. Disabled members are never returned: they cannot
// act. Invited members (not yet accepted) are: tasks wait for them like for anyone else.
// Ids that are not UUIDs (a flow definition's stale or hand-written reference) match nothing.
import { type Kysely, sql } from "kysely";
import { isId } from "../ids";
import type { SystemTables } from "../tables";

type Db = Kysely<SystemTables>;

/** One level of a manager chain: the heads of the department `level` steps up from the start. */
export interface ManagerLevel {
  level: number;
  departmentId: string;
  /** Active heads other than the member themself, oldest account first. Never empty. */
  userIds: string[];
}

const uuids = (ids: readonly string[]): string[] => [...new Set(ids.filter(isId))];

/** Active members holding any of the roles, each once, oldest account first. */
export async function usersInRoles(db: Db, roleIds: readonly string[]): Promise<string[]> {
  const ids = uuids(roleIds);
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    SELECT u.id FROM users u
    WHERE NOT u.disabled
      AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_id = ANY(${ids}::uuid[]))
    ORDER BY u.id`.execute(db);
  return rows.map((r) => r.id);
}

/** The subset of `userIds` that exist and are active, in the order given (duplicates dropped). */
export async function activeUsers(db: Db, userIds: readonly string[]): Promise<string[]> {
  const ids = uuids(userIds);
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    SELECT u.id FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS given(id, n)
    JOIN users u ON u.id = given.id AND NOT u.disabled
    ORDER BY given.n`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Heads of the department `levelsUp` levels above the member: 1 is the head of their primary
 * department, 2 the head of its parent, and so on. Empty when the member has no primary department,
 * the tree is not that deep, or that department has no active head. The member is returned when they
 * head that department themself (see `managerChain` for the chain that skips them).
 */
export async function departmentHeads(db: Db, userId: string, levelsUp: number): Promise<string[]> {
  if (!isId(userId) || !Number.isInteger(levelsUp) || levelsUp < 1) return [];
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE up(id, level) AS (
      SELECT m.department_id, 1 FROM department_members m WHERE m.user_id = ${userId} AND m.is_primary
      UNION ALL
      SELECT d.parent_id, up.level + 1 FROM up JOIN departments d ON d.id = up.id
      WHERE d.parent_id IS NOT NULL AND up.level < ${levelsUp}
    )
    SELECT u.id FROM up
    JOIN department_members h ON h.department_id = up.id AND h.is_head
    JOIN users u ON u.id = h.user_id AND NOT u.disabled
    WHERE up.level = ${levelsUp}
    ORDER BY u.id`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * The member's managers, nearest first, up to `upToLevel` departments: level 1 is the member's primary
 * department — or its parent when the member heads their primary department — level 2 the next one up.
 * The member never appears as their own manager. A level whose department has no other active head is
 * left out (the chain skips it, the numbering does not), so callers see which levels were missing.
 */
export async function managerChain(db: Db, userId: string, upToLevel: number): Promise<ManagerLevel[]> {
  if (!isId(userId) || !Number.isInteger(upToLevel) || upToLevel < 1) return [];
  const { rows } = await sql<{ level: number; department_id: string; user_ids: string[] }>`
    WITH RECURSIVE start(id) AS (
      SELECT CASE WHEN m.is_head THEN d.parent_id ELSE d.id END
      FROM department_members m JOIN departments d ON d.id = m.department_id
      WHERE m.user_id = ${userId} AND m.is_primary
    ),
    up(id, level) AS (
      SELECT id, 1 FROM start WHERE id IS NOT NULL
      UNION ALL
      SELECT d.parent_id, up.level + 1 FROM up JOIN departments d ON d.id = up.id
      WHERE d.parent_id IS NOT NULL AND up.level < ${upToLevel}
    )
    SELECT up.level, up.id AS department_id, array_agg(u.id ORDER BY u.id) AS user_ids
    FROM up
    JOIN department_members h ON h.department_id = up.id AND h.is_head AND h.user_id <> ${userId}
    JOIN users u ON u.id = h.user_id AND NOT u.disabled
    GROUP BY up.level, up.id
    ORDER BY up.level`.execute(db);
  return rows.map((r) => ({ level: Number(r.level), departmentId: r.department_id, userIds: r.user_ids }));
}

/** Active members of the departments (and of all their sub-departments with `includeSub`), each once. */
export async function membersOfDepartments(
  db: Db,
  departmentIds: readonly string[],
  includeSub: boolean,
): Promise<string[]> {
  const ids = uuids(departmentIds);
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE scope(id) AS (
      SELECT id FROM departments WHERE id = ANY(${ids}::uuid[])
      UNION
      SELECT c.id FROM departments c JOIN scope s ON c.parent_id = s.id WHERE ${includeSub}
    )
    SELECT u.id FROM users u
    WHERE NOT u.disabled
      AND EXISTS (SELECT 1 FROM department_members m JOIN scope s ON s.id = m.department_id
                  WHERE m.user_id = u.id)
    ORDER BY u.id`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * The departments the member belongs to (and all their sub-departments with `includeSub`), each once,
 * primary first. What "the current user's departments" means in row conditions.
 */
export async function userDepartments(db: Db, userId: string, includeSub: boolean): Promise<string[]> {
  if (!isId(userId)) return [];
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE scope(id, primary_rank) AS (
      SELECT department_id, CASE WHEN is_primary THEN 0 ELSE 1 END
      FROM department_members WHERE user_id = ${userId}
      UNION
      SELECT c.id, 2 FROM departments c JOIN scope s ON c.parent_id = s.id WHERE ${includeSub}
    )
    SELECT id FROM scope GROUP BY id ORDER BY min(primary_rank), id`.execute(db);
  return rows.map((r) => r.id);
}

/** The user's primary department, or null when they belong to none. */
export async function primaryDepartment(db: Db, userId: string): Promise<string | null> {
  if (!isId(userId)) return null;
  const row = await db
    .selectFrom("department_members")
    .select("department_id")
    .where("user_id", "=", userId)
    .where("is_primary", "=", true)
    .executeTakeFirst();
  return row?.department_id ?? null;
}

/** Active administrators, oldest account first: who gets what nobody else resolves to. */
export async function activeAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("is_admin", "=", true)
    .where("disabled", "=", false)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Who takes a flow node nobody resolves to (the engine's `admins()`): the active admins of the form's
 * app, or the system admins when the app has none — Jiandaoyun hands such nodes to the app's admins.
 */
export async function fallbackAdmins(db: Db, formId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT u.id FROM app_admins aa JOIN forms f ON f.app_id = aa.app_id
      JOIN users u ON u.id = aa.user_id AND NOT u.disabled
    WHERE f.id = ${formId}::uuid ORDER BY u.id`.execute(db);
  return rows.length > 0 ? rows.map((r) => r.id) : activeAdmins(db);
}

export interface UserFacts {
  id: string;
  name: string;
  email: string;
  /** Primary first. */
  departmentIds: string[];
  primaryDepartmentId: string | null;
  roleIds: string[];
}

/** What branch conditions may read about a user (`$initiator.*`), in one query; null if unknown. */
export async function userFacts(db: Db, userId: string): Promise<UserFacts | null> {
  if (!isId(userId)) return null;
  const { rows } = await sql<{
    id: string;
    name: string;
    email: string;
    department_ids: string[];
    primary_department_id: string | null;
    role_ids: string[];
  }>`
    SELECT u.id, u.name, u.email,
      coalesce((SELECT array_agg(m.department_id ORDER BY m.is_primary DESC, m.department_id)
                FROM department_members m WHERE m.user_id = u.id), '{}') AS department_ids,
      (SELECT m.department_id FROM department_members m WHERE m.user_id = u.id AND m.is_primary)
        AS primary_department_id,
      coalesce((SELECT array_agg(r.role_id ORDER BY r.role_id) FROM user_roles r WHERE r.user_id = u.id),
               '{}') AS role_ids
    FROM users u WHERE u.id = ${userId}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    departmentIds: row.department_ids,
    primaryDepartmentId: row.primary_department_id,
    roleIds: row.role_ids,
  };
}
