// The department tree and its memberships. Writes run in the caller's transaction or their own; a
// move takes a table lock so two concurrent moves cannot build a cycle between them.
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import { isId, newId } from "../ids";
import { inTransaction } from "../transaction";
import { type Db, nameMustBeFree, notFound, requireAll, requireUsers } from "./shared";

export interface DepartmentView {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  /** Members of this department itself (not of its sub-departments). */
  memberCount: number;
  headIds: string[];
}

/** Every department, parents before children, siblings by their order: the client nests them. */
export async function listDepartments(db: Db): Promise<DepartmentView[]> {
  const { rows } = await sql<{
    id: string;
    parent_id: string | null;
    name: string;
    sort_order: number;
    member_count: number;
    head_ids: string[];
  }>`
    WITH RECURSIVE ranked AS (
      SELECT id, parent_id,
        row_number() OVER (PARTITION BY parent_id ORDER BY sort_order, created_at, id) AS rank
      FROM departments
    ),
    tree(id, path) AS (
      SELECT id, ARRAY[rank] FROM ranked WHERE parent_id IS NULL
      UNION ALL
      SELECT r.id, t.path || r.rank FROM ranked r JOIN tree t ON r.parent_id = t.id
    )
    SELECT d.id, d.parent_id, d.name, d.sort_order,
      (SELECT count(*) FROM department_members m WHERE m.department_id = d.id)::int AS member_count,
      coalesce((SELECT array_agg(m.user_id ORDER BY m.user_id) FROM department_members m
                WHERE m.department_id = d.id AND m.is_head), '{}') AS head_ids
    FROM tree JOIN departments d ON d.id = tree.id
    ORDER BY tree.path`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    sortOrder: Number(r.sort_order),
    memberCount: Number(r.member_count),
    headIds: r.head_ids,
  }));
}

export async function getDepartment(db: Db, id: string): Promise<DepartmentView | null> {
  if (!isId(id)) return null;
  const row = await db
    .selectFrom("departments as d")
    .select(["d.id", "d.parent_id", "d.name", "d.sort_order"])
    .select((eb) => [
      eb
        .selectFrom("department_members as m")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("m.department_id", "=", "d.id")
        .as("member_count"),
      sql<string[]>`coalesce((SELECT array_agg(m.user_id ORDER BY m.user_id) FROM department_members m
        WHERE m.department_id = d.id AND m.is_head), '{}')`.as("head_ids"),
    ])
    .where("d.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    sortOrder: Number(row.sort_order),
    memberCount: Number(row.member_count ?? 0),
    headIds: row.head_ids,
  };
}

async function requireDepartment(db: Db, id: string, path?: string): Promise<void> {
  if (!isId(id)) throw notFound("department", path);
  const row = await db.selectFrom("departments").select("id").where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("department", path);
}

/** The next free position among the children of `parentId` (null: the roots). */
function nextSortOrder(parentId: string | null) {
  return sql<number>`(SELECT coalesce(max(sort_order) + 1, 0) FROM departments
    WHERE parent_id IS NOT DISTINCT FROM ${parentId}::uuid)`;
}

export async function createDepartment(
  db: Db,
  input: { name: string; parentId?: string | null; sortOrder?: number },
): Promise<DepartmentView> {
  const id = newId();
  const parentId = input.parentId ?? null;
  await nameMustBeFree("/name", () =>
    inTransaction(db, async (trx) => {
      if (parentId !== null) await requireDepartment(trx, parentId, "/parentId");
      await trx
        .insertInto("departments")
        .values({
          id,
          parent_id: parentId,
          name: input.name.trim(),
          sort_order: input.sortOrder ?? nextSortOrder(parentId),
        })
        .execute();
    }),
  );
  return (await getDepartment(db, id))!;
}

export async function updateDepartment(
  db: Db,
  id: string,
  input: { name?: string; sortOrder?: number },
): Promise<DepartmentView> {
  await nameMustBeFree("/name", async () => {
    const result = await db
      .updateTable("departments")
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", isId(id) ? id : null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound("department");
  });
  return (await getDepartment(db, id))!;
}

/**
 * Moves a department (with its whole subtree) under `parentId` (null: to the top). Refused with
 * VALIDATION_FAILED at /parentId when the target is the department itself or one of its descendants.
 */
export async function moveDepartment(
  db: Db,
  id: string,
  input: { parentId: string | null; sortOrder?: number },
): Promise<DepartmentView> {
  await nameMustBeFree("/parentId", () =>
    inTransaction(db, async (trx) => {
      // Serialises moves (reads and other writes go on): two moves checked against the same old tree
      // could otherwise each pass and together make a cycle.
      await sql`LOCK TABLE departments IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
      await requireDepartment(trx, id);
      if (input.parentId !== null) {
        await requireDepartment(trx, input.parentId, "/parentId");
        const { rows } = await sql<{ hit: number }>`
          WITH RECURSIVE sub(id) AS (
            SELECT ${id}::uuid
            UNION
            SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id
          )
          SELECT 1 AS hit FROM sub WHERE id = ${input.parentId}::uuid`.execute(trx);
        if (rows.length > 0) {
          throw new FormworkError("VALIDATION_FAILED", "A department cannot move under itself", [
            { path: "/parentId", message: "is the department itself or one of its sub-departments" },
          ]);
        }
      }
      await trx
        .updateTable("departments")
        .set({
          parent_id: input.parentId,
          sort_order: input.sortOrder ?? nextSortOrder(input.parentId),
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", id)
        .execute();
    }),
  );
  return (await getDepartment(db, id))!;
}

/** Deletes an empty department; CONFLICT while it has sub-departments or members. */
export async function deleteDepartment(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await requireDepartment(trx, id);
    const busy = await sql<{ children: number; members: number }>`
      SELECT (SELECT count(*) FROM departments WHERE parent_id = ${id})::int AS children,
             (SELECT count(*) FROM department_members WHERE department_id = ${id})::int AS members
    `.execute(trx);
    const { children, members } = busy.rows[0]!;
    if (Number(children) > 0 || Number(members) > 0) {
      throw new FormworkError("CONFLICT", "Move the sub-departments and members out first", [
        ...(Number(children) > 0 ? [{ path: "", message: "has sub-departments", code: "HAS_CHILDREN" }] : []),
        ...(Number(members) > 0 ? [{ path: "", message: "has members", code: "HAS_MEMBERS" }] : []),
      ]);
    }
    await trx.deleteFrom("departments").where("id", "=", id).execute();
  });
}

/**
 * Adds members to a department (already-members stay as they are). A member who had no department
 * gets this one as primary.
 */
export async function addDepartmentMembers(db: Db, departmentId: string, userIds: readonly string[]) {
  await inTransaction(db, async (trx) => {
    await requireDepartment(trx, departmentId);
    await requireUsers(trx, userIds, "/userIds");
    await insertMemberships(trx, departmentId, userIds);
  });
}

async function insertMemberships(db: Db, departmentId: string, userIds: readonly string[]) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await db
    .insertInto("department_members")
    .values(ids.map((userId) => ({ department_id: departmentId, user_id: userId })))
    .onConflict((oc) => oc.columns(["department_id", "user_id"]).doNothing())
    .execute();
  await ensurePrimary(db, ids);
}

/** Gives each of the users who has memberships but no primary one their oldest membership as primary. */
async function ensurePrimary(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return;
  await sql`
    UPDATE department_members m SET is_primary = true
    FROM (
      SELECT DISTINCT ON (user_id) user_id, department_id FROM department_members
      WHERE user_id = ANY(${[...userIds]}::uuid[])
        AND user_id NOT IN (SELECT user_id FROM department_members WHERE is_primary)
      ORDER BY user_id, created_at, department_id
    ) pick
    WHERE m.user_id = pick.user_id AND m.department_id = pick.department_id`.execute(db);
}

/** Removes a member from a department (their head role there goes too); another one becomes primary. */
export async function removeDepartmentMember(db: Db, departmentId: string, userId: string) {
  await inTransaction(db, async (trx) => {
    const result = await trx
      .deleteFrom("department_members")
      .where("department_id", "=", isId(departmentId) ? departmentId : null)
      .where("user_id", "=", isId(userId) ? userId : null)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound("membership");
    await ensurePrimary(trx, [userId]);
  });
}

/** Makes exactly `userIds` the heads of the department; heads not yet members join it. */
export async function setDepartmentHeads(db: Db, departmentId: string, userIds: readonly string[]) {
  await inTransaction(db, async (trx) => {
    await requireDepartment(trx, departmentId);
    await requireUsers(trx, userIds, "/userIds");
    await insertMemberships(trx, departmentId, userIds);
    const ids = [...new Set(userIds)];
    await trx
      .updateTable("department_members")
      .set({ is_head: sql<boolean>`user_id = ANY(${ids}::uuid[])` })
      .where("department_id", "=", departmentId)
      .execute();
  });
}

/**
 * Replaces a member's departments: they belong to exactly `departmentIds` afterwards, `primaryId` (or
 * the first) primary. Head flags of departments they stay in are kept.
 */
export async function setUserDepartments(
  db: Db,
  userId: string,
  departmentIds: readonly string[],
  primaryId?: string,
) {
  const ids = [...new Set(departmentIds)];
  const primary = primaryId ?? ids[0];
  if (primary !== undefined && !ids.includes(primary)) {
    throw new FormworkError("VALIDATION_FAILED", "The primary department must be one of the departments", [
      { path: "/primaryDepartmentId", message: "not among departmentIds" },
    ]);
  }
  await inTransaction(db, async (trx) => {
    await requireAll(trx, "departments", ids, "/departmentIds");
    let drop = trx.deleteFrom("department_members").where("user_id", "=", userId);
    if (ids.length > 0) drop = drop.where("department_id", "not in", ids);
    await drop.execute();
    // Clear the old primary before setting the new one: the partial unique index allows one at a time.
    await trx
      .updateTable("department_members")
      .set({ is_primary: false })
      .where("user_id", "=", userId)
      .execute();
    if (ids.length === 0) return;
    await trx
      .insertInto("department_members")
      .values(ids.map((id) => ({ department_id: id, user_id: userId })))
      .onConflict((oc) => oc.columns(["department_id", "user_id"]).doNothing())
      .execute();
    await trx
      .updateTable("department_members")
      .set({ is_primary: true })
      .where("user_id", "=", userId)
      .where("department_id", "=", primary!)
      .execute();
  });
}
