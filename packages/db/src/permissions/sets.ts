// Permission sets of a form and their members. Content is validated by the server (it needs the
// published form and the filter compiler); this layer stores it and answers "which sets include whom".
import {
  type FieldLevel,
  FormworkError,
  type PermissionMember,
  type PermissionSetContent,
  type PermissionSetKind,
  type PermissionSetRecord,
  type RecordAction,
} from "@formwork/schema";
import { sql } from "kysely";
import { newId } from "../ids";
import { type Db, nameMustBeFree, notFound, requireAll } from "../org/shared";
import { prepared } from "../prepared";
import { json } from "../tables";
import { inTransaction } from "../transaction";
import { memberIncludesUser, userOrgCtes } from "./membership";

export type PermissionSetView = PermissionSetRecord;

interface SetRow {
  id: string;
  form_id: string;
  name: string;
  kind: string;
  actions: string[];
  fields: Record<string, string>;
  row_condition: unknown;
  sort_order: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function toView(row: SetRow, members: PermissionMember[]): PermissionSetView {
  return {
    id: row.id,
    formId: row.form_id,
    name: row.name,
    kind: row.kind as PermissionSetKind,
    actions: row.actions as RecordAction[],
    fields: row.fields as Record<string, FieldLevel>,
    rowCondition: row.row_condition ?? null,
    members,
    sortOrder: row.sort_order,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function membersOf(db: Db, setIds: readonly string[]): Promise<Map<string, PermissionMember[]>> {
  const out = new Map<string, PermissionMember[]>();
  if (setIds.length === 0) return out;
  const rows = await db
    .selectFrom("permission_set_members")
    .selectAll()
    .where("set_id", "in", [...setIds])
    .orderBy("set_id")
    .execute();
  for (const row of rows) {
    const list = out.get(row.set_id) ?? [];
    if (row.everyone) list.push({ type: "all" });
    else if (row.user_id) list.push({ type: "user", id: row.user_id });
    else if (row.role_id) list.push({ type: "role", id: row.role_id });
    else if (row.department_id)
      list.push({ type: "department", id: row.department_id, includeSub: row.include_sub });
    out.set(row.set_id, list);
  }
  return out;
}

/** The form's sets in display order, members included. */
export async function listPermissionSets(db: Db, formId: string): Promise<PermissionSetView[]> {
  const rows = (await db
    .selectFrom("permission_sets")
    .selectAll()
    .where("form_id", "=", formId)
    .orderBy("sort_order")
    .orderBy("created_at")
    .execute()) as unknown as SetRow[];
  const members = await membersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toView(row, members.get(row.id) ?? []));
}

export async function getPermissionSet(db: Db, id: string): Promise<PermissionSetView | null> {
  const row = (await db.selectFrom("permission_sets").selectAll().where("id", "=", id).executeTakeFirst()) as
    | SetRow
    | undefined;
  if (!row) return null;
  return toView(row, (await membersOf(db, [id])).get(id) ?? []);
}

/** Members must exist: NOT_FOUND pointing at /members/<i> otherwise. */
async function checkMembers(db: Db, members: readonly PermissionMember[]): Promise<void> {
  for (const type of ["user", "department", "role"] as const) {
    const table = type === "user" ? "users" : type === "role" ? "roles" : "departments";
    const indexes = members.flatMap((m, i) => (m.type === type ? [i] : []));
    if (indexes.length === 0) continue;
    try {
      await requireAll(
        db,
        table,
        indexes.map((i) => (members[i] as { id: string }).id),
        "",
      );
    } catch (error) {
      if (!(error instanceof FormworkError)) throw error;
      const at = Number(error.details[0]?.path.slice(1) ?? 0);
      throw new FormworkError("NOT_FOUND", error.message, [
        { path: `/members/${indexes[at] ?? 0}/id`, message: "not found" },
      ]);
    }
  }
}

async function writeMembers(db: Db, setId: string, members: readonly PermissionMember[]): Promise<void> {
  await db.deleteFrom("permission_set_members").where("set_id", "=", setId).execute();
  const seen = new Set<string>();
  const key = (m: PermissionMember) => (m.type === "all" ? "all" : m.id);
  const rows = members
    .filter((m) => !seen.has(key(m)) && seen.add(key(m)))
    .map((m) => ({
      set_id: setId,
      user_id: m.type === "user" ? m.id : null,
      department_id: m.type === "department" ? m.id : null,
      role_id: m.type === "role" ? m.id : null,
      include_sub: m.type === "department" && m.includeSub === true,
      everyone: m.type === "all",
    }));
  if (rows.length > 0) await db.insertInto("permission_set_members").values(rows).execute();
}

function columns(content: PermissionSetContent) {
  return {
    name: content.name,
    kind: content.kind,
    actions: content.actions,
    fields: json(content.fields),
    row_condition: content.rowCondition === null ? null : json(content.rowCondition),
  };
}

export async function insertPermissionSet(
  db: Db,
  formId: string,
  content: PermissionSetContent,
  actorId: string,
): Promise<PermissionSetView> {
  return inTransaction(db, async (tx) => {
    await checkMembers(tx, content.members);
    const id = newId();
    const { next } = await tx
      .selectFrom("permission_sets")
      .select(sql<number>`coalesce(max(sort_order), -1) + 1`.as("next"))
      .where("form_id", "=", formId)
      .executeTakeFirstOrThrow();
    await nameMustBeFree("/name", () =>
      tx
        .insertInto("permission_sets")
        .values({ id, form_id: formId, ...columns(content), sort_order: Number(next), created_by: actorId })
        .execute(),
    );
    await writeMembers(tx, id, content.members);
    return (await getPermissionSet(tx, id))!;
  });
}

/** Replaces a set's content; VERSION_CONFLICT when `expectedVersion` is given and stale. */
export async function updatePermissionSet(
  db: Db,
  id: string,
  content: PermissionSetContent,
  expectedVersion?: number,
): Promise<PermissionSetView> {
  return inTransaction(db, async (tx) => {
    const current = await tx
      .selectFrom("permission_sets")
      .select("version")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound("permission set");
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new FormworkError(
        "VERSION_CONFLICT",
        `The permission set changed (now version ${current.version})`,
        [{ path: "/headers/if-match", message: `current version is ${current.version}` }],
      );
    }
    await checkMembers(tx, content.members);
    await nameMustBeFree("/name", () =>
      tx
        .updateTable("permission_sets")
        .set({ ...columns(content), version: current.version + 1, updated_at: sql<Date>`now()` })
        .where("id", "=", id)
        .execute(),
    );
    await writeMembers(tx, id, content.members);
    return (await getPermissionSet(tx, id))!;
  });
}

export async function deletePermissionSet(db: Db, id: string): Promise<void> {
  const result = await db.deleteFrom("permission_sets").where("id", "=", id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound("permission set");
}

/** Who a user is in the organisation, as far as permission sets and row conditions care. */
export interface PrincipalOrg {
  /** Direct memberships, primary first. */
  departments: string[];
  primaryDepartmentId: string | null;
  /** Direct memberships and every department below them. */
  departmentsWithSub: string[];
  roles: string[];
}

/** What deciding a user's rights on one form needs, read in one round trip. */
export interface AccessFacts {
  /** An admin of the form's app. */
  appAdmin: boolean;
  org: PrincipalOrg;
  /**
   * The form's sets that include the user: directly, by a department (with its subs), by a role or as
   * one of all members. None: the user has no right on the form (a form without sets is closed).
   */
  sets: PermissionSetView[];
}

/**
 * Sent as a named prepared statement (its text never changes): the recursive query is parsed and
 * planned once per connection instead of on every create that misses the server's access cache.
 */
export async function accessFacts(db: Db, formId: string, userId: string): Promise<AccessFacts> {
  const query = sql<{
    app_admin: boolean;
    direct: string[];
    primary_id: string | null;
    down: string[];
    roles: string[];
    sets: SetRow[] | null;
  }>`
    WITH RECURSIVE ${userOrgCtes(userId)}
    SELECT
      EXISTS (SELECT 1 FROM app_admins a JOIN forms f ON f.app_id = a.app_id
              WHERE f.id = ${formId} AND a.user_id = ${userId}) AS app_admin,
      coalesce((SELECT array_agg(id ORDER BY is_primary DESC, id) FROM mine), '{}') AS direct,
      (SELECT id FROM mine WHERE is_primary LIMIT 1) AS primary_id,
      coalesce((SELECT array_agg(id ORDER BY id) FROM down), '{}') AS down,
      coalesce((SELECT array_agg(role_id ORDER BY role_id) FROM my_roles), '{}') AS roles,
      (SELECT json_agg(s ORDER BY s.sort_order, s.created_at) FROM permission_sets s
       WHERE s.form_id = ${formId} AND EXISTS (
         SELECT 1 FROM permission_set_members m
         WHERE m.set_id = s.id AND ${memberIncludesUser(userId)})) AS sets`;
  const { rows } = await db.executeQuery(prepared(query.compile(db)));
  const row = rows[0]!;
  return {
    appAdmin: row.app_admin,
    org: {
      departments: row.direct,
      primaryDepartmentId: row.primary_id,
      departmentsWithSub: row.down,
      roles: row.roles,
    },
    sets: (row.sets ?? []).map((set) => toView(set, [])),
  };
}

/**
 * The forms of an app on which the user holds some right through a permission set (every set grants
 * at least one action). What a member's app menu lists; admins and the app's admins see every form.
 */
export async function formsWithRights(db: Db, appId: string, userId: string): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE ${userOrgCtes(userId)}
    SELECT f.id FROM forms f
    WHERE f.app_id = ${appId} AND EXISTS (
      SELECT 1 FROM permission_sets s JOIN permission_set_members m ON m.set_id = s.id
      WHERE s.form_id = f.id AND ${memberIncludesUser(userId)})`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/** The apps a user may open: those they administer or holding a form they have some right on. */
export async function appsWithRights(db: Db, userId: string): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE ${userOrgCtes(userId)}
    SELECT a.app_id AS id FROM app_admins a WHERE a.user_id = ${userId}
    UNION
    SELECT f.app_id FROM forms f
    WHERE f.deleted_at IS NULL AND EXISTS (
      SELECT 1 FROM permission_sets s JOIN permission_set_members m ON m.set_id = s.id
      WHERE s.form_id = f.id AND ${memberIncludesUser(userId)})`.execute(db);
  return new Set(rows.map((r) => r.id));
}
