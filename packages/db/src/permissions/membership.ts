// "Does this permission set include this user?" in SQL, shared by the access facts of one form and the
// list of forms a member may open, so both answer the same way.
import { type RawBuilder, sql } from "kysely";

/**
 * The CTEs (after `WITH RECURSIVE`) naming the user's departments — `mine` (direct, with `is_primary`),
 * `down` (and every department below), `up` (and every department above) — and roles (`my_roles`).
 */
export function userOrgCtes(userId: string): RawBuilder<unknown> {
  return sql`mine AS (
      SELECT department_id AS id, is_primary FROM department_members WHERE user_id = ${userId}
    ), down(id) AS (
      SELECT id FROM mine
      UNION SELECT d.id FROM departments d JOIN down ON d.parent_id = down.id
    ), up(id) AS (
      SELECT id FROM mine
      UNION SELECT d.parent_id FROM departments d JOIN up ON d.id = up.id WHERE d.parent_id IS NOT NULL
    ), my_roles AS (
      SELECT role_id FROM user_roles WHERE user_id = ${userId}
    )`;
}

/** True when the `permission_set_members` row aliased `m` includes the user (needs `userOrgCtes`). */
export function memberIncludesUser(userId: string): RawBuilder<boolean> {
  return sql<boolean>`(
           m.everyone
           OR m.user_id = ${userId}
           OR m.role_id IN (SELECT role_id FROM my_roles)
           OR m.department_id IN (SELECT id FROM mine)
           OR (m.include_sub AND m.department_id IN (SELECT id FROM up)))`;
}
