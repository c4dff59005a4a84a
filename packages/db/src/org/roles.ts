// Roles in role groups, and who holds them. A role belongs to exactly one group; a group with roles
// cannot be deleted (CONFLICT) so no role is left without one.
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import { isId, newId } from "../ids";
import { inTransaction } from "../transaction";
import { type Db, nameMustBeFree, notFound, requireAll, requireUsers } from "./shared";

export interface RoleView {
  id: string;
  groupId: string;
  name: string;
  sortOrder: number;
  memberCount: number;
}

export interface RoleGroupView {
  id: string;
  name: string;
  sortOrder: number;
  roles: RoleView[];
}

/** All groups with their roles, both in their order. */
export async function listRoleGroups(db: Db): Promise<RoleGroupView[]> {
  const { rows } = await sql<{ id: string; name: string; sort_order: number; roles: RoleView[] }>`
    SELECT g.id, g.name, g.sort_order,
      coalesce((
        SELECT json_agg(json_build_object(
          'id', r.id, 'groupId', r.group_id, 'name', r.name, 'sortOrder', r.sort_order,
          'memberCount', (SELECT count(*) FROM user_roles ur WHERE ur.role_id = r.id))
          ORDER BY r.sort_order, r.created_at, r.id)
        FROM roles r WHERE r.group_id = g.id), '[]') AS roles
    FROM role_groups g
    ORDER BY g.sort_order, g.created_at, g.id`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, sortOrder: Number(r.sort_order), roles: r.roles }));
}

export async function createRoleGroup(db: Db, input: { name: string; sortOrder?: number }) {
  const id = newId();
  await nameMustBeFree("/name", () =>
    db
      .insertInto("role_groups")
      .values({
        id,
        name: input.name.trim(),
        sort_order:
          input.sortOrder ?? sql<number>`(SELECT coalesce(max(sort_order) + 1, 0) FROM role_groups)`,
      })
      .execute(),
  );
  return { id };
}

export async function updateRoleGroup(db: Db, id: string, input: { name?: string; sortOrder?: number }) {
  await nameMustBeFree("/name", async () => {
    const result = await db
      .updateTable("role_groups")
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      })
      .where("id", "=", isId(id) ? id : null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound("role group");
  });
}

export async function deleteRoleGroup(db: Db, id: string) {
  await inTransaction(db, async (trx) => {
    if (!isId(id)) throw notFound("role group");
    const roles = await trx
      .selectFrom("roles")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("group_id", "=", id)
      .executeTakeFirstOrThrow();
    if (Number(roles.n) > 0) {
      throw new FormworkError("CONFLICT", "Delete or move the group's roles first", [
        { path: "", message: "has roles", code: "HAS_ROLES" },
      ]);
    }
    const result = await trx.deleteFrom("role_groups").where("id", "=", id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound("role group");
  });
}

async function requireGroup(db: Db, id: string, path: string) {
  const row = isId(id)
    ? await db.selectFrom("role_groups").select("id").where("id", "=", id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound("role group", path);
}

export async function createRole(db: Db, input: { groupId: string; name: string; sortOrder?: number }) {
  const id = newId();
  await nameMustBeFree("/name", () =>
    inTransaction(db, async (trx) => {
      await requireGroup(trx, input.groupId, "/groupId");
      await trx
        .insertInto("roles")
        .values({
          id,
          group_id: input.groupId,
          name: input.name.trim(),
          sort_order:
            input.sortOrder ??
            sql<number>`(SELECT coalesce(max(sort_order) + 1, 0) FROM roles WHERE group_id = ${input.groupId})`,
        })
        .execute();
    }),
  );
  return { id };
}

/** Renames, reorders or moves a role to another group. */
export async function updateRole(
  db: Db,
  id: string,
  input: { name?: string; sortOrder?: number; groupId?: string },
) {
  await nameMustBeFree("/name", () =>
    inTransaction(db, async (trx) => {
      if (input.groupId !== undefined) await requireGroup(trx, input.groupId, "/groupId");
      const result = await trx
        .updateTable("roles")
        .set({
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
          ...(input.groupId !== undefined ? { group_id: input.groupId } : {}),
        })
        .where("id", "=", isId(id) ? id : null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound("role");
    }),
  );
}

/** Deletes a role; its holders simply stop holding it. */
export async function deleteRole(db: Db, id: string) {
  const result = await db
    .deleteFrom("roles")
    .where("id", "=", isId(id) ? id : null)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound("role");
}

async function requireRole(db: Db, id: string) {
  const row = isId(id)
    ? await db.selectFrom("roles").select("id").where("id", "=", id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound("role");
}

/** Gives the role to the users (holders stay holders). */
export async function addRoleMembers(db: Db, roleId: string, userIds: readonly string[]) {
  await inTransaction(db, async (trx) => {
    await requireRole(trx, roleId);
    await requireUsers(trx, userIds, "/userIds");
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return;
    await trx
      .insertInto("user_roles")
      .values(ids.map((userId) => ({ role_id: roleId, user_id: userId })))
      .onConflict((oc) => oc.columns(["role_id", "user_id"]).doNothing())
      .execute();
  });
}

export async function removeRoleMember(db: Db, roleId: string, userId: string) {
  const result = await db
    .deleteFrom("user_roles")
    .where("role_id", "=", isId(roleId) ? roleId : null)
    .where("user_id", "=", isId(userId) ? userId : null)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound("role membership");
}

/** Replaces the user's roles with exactly `roleIds` (NOT_FOUND at /roleIds/N for an unknown one). */
export async function setUserRoles(db: Db, userId: string, roleIds: readonly string[]) {
  const ids = [...new Set(roleIds)];
  await inTransaction(db, async (trx) => {
    await requireAll(trx, "roles", ids, "/roleIds");
    let drop = trx.deleteFrom("user_roles").where("user_id", "=", userId);
    if (ids.length > 0) drop = drop.where("role_id", "not in", ids);
    await drop.execute();
    if (ids.length === 0) return;
    await trx
      .insertInto("user_roles")
      .values(ids.map((roleId) => ({ role_id: roleId, user_id: userId })))
      .onConflict((oc) => oc.columns(["role_id", "user_id"]).doNothing())
      .execute();
  });
}
