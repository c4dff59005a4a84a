// Maps a bundle's organisation placeholders onto this database, in the installer's transaction: roles
// and departments are matched by name (either locale's) or created; sample members become demo users
// who cannot sign in (disabled, no password), or all map to the installing user.
import type {
  DepartmentPlaceholder,
  LocalizedText,
  MemberPlaceholder,
  RolePlaceholder,
} from "@formwork/schema";
import type { Kysely } from "kysely";
import { newId } from "../ids";
import type { SystemTables } from "../tables";
import type { PlaceholderMap } from "./tables";

type Db = Kysely<SystemTables>;

/** The names a placeholder may match: its zh-CN name first (the default locale), then its English one. */
export function namesOf(text: LocalizedText): string[] {
  if (typeof text === "string") return [text.trim()];
  return [text["zh-CN"], text.en]
    .filter((n): n is string => typeof n === "string" && n.trim() !== "")
    .map((n) => n.trim());
}

export async function mapRoles(
  db: Db,
  roles: readonly RolePlaceholder[],
  groupName: string,
): Promise<Record<string, string>> {
  const mapped: Record<string, string> = {};
  if (roles.length === 0) return mapped;
  const existing = await db
    .selectFrom("roles")
    .select(["id", "name"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  let groupId: string | null = null;
  for (const role of roles) {
    const names = namesOf(role.name);
    const found = existing.find((r) => names.includes(r.name));
    if (found) {
      mapped[role.id] = found.id;
      continue;
    }
    groupId ??= await roleGroup(db, groupName);
    const id = newId();
    await db
      .insertInto("roles")
      .values({ id, group_id: groupId, name: names[0] ?? role.id })
      .execute();
    existing.push({ id, name: names[0] ?? role.id });
    mapped[role.id] = id;
  }
  return mapped;
}

async function roleGroup(db: Db, name: string): Promise<string> {
  const found = await db.selectFrom("role_groups").select("id").where("name", "=", name).executeTakeFirst();
  if (found) return found.id;
  const id = newId();
  await db.insertInto("role_groups").values({ id, name }).execute();
  return id;
}

/** Departments in parent-first order; each matched by name among its mapped parent's children. */
export async function mapDepartments(
  db: Db,
  departments: readonly DepartmentPlaceholder[],
): Promise<Record<string, string>> {
  const mapped: Record<string, string> = {};
  const pending = [...departments];
  while (pending.length > 0) {
    const index = pending.findIndex((d) => d.parent === undefined || mapped[d.parent] !== undefined);
    if (index < 0) throw new Error("department placeholders form a cycle (validateBundle refuses this)");
    const [department] = pending.splice(index, 1);
    if (!department) break;
    const parentId = department.parent === undefined ? null : mapped[department.parent]!;
    const names = namesOf(department.name);
    const found = await db
      .selectFrom("departments")
      .select("id")
      .where("name", "in", names)
      .where((eb) => (parentId === null ? eb("parent_id", "is", null) : eb("parent_id", "=", parentId)))
      .executeTakeFirst();
    if (found) {
      mapped[department.id] = found.id;
      continue;
    }
    const id = newId();
    await db
      .insertInto("departments")
      .values({ id, parent_id: parentId, name: names[0] ?? department.id })
      .execute();
    mapped[department.id] = id;
  }
  return mapped;
}

export type MemberMode = "demo" | "installer";

/**
 * Demo users: `<placeholder>.<tag>@demo.invalid` (`.invalid` can never be delivered to), disabled and
 * without a password, in their departments (the first primary) and roles; `tag` keeps two installs apart.
 */
export async function mapMembers(
  db: Db,
  members: readonly MemberPlaceholder[],
  map: Pick<PlaceholderMap, "roles" | "departments">,
  options: { mode: MemberMode; installerId: string; tag: string },
): Promise<Record<string, string>> {
  const mapped: Record<string, string> = {};
  if (options.mode === "installer") {
    for (const member of members) mapped[member.id] = options.installerId;
    return mapped;
  }
  if (members.length === 0) return mapped;
  const users = members.map((member) => ({
    id: newId(),
    email: `${member.id.replace(/_/g, "-")}.${options.tag}@demo.invalid`,
    name: member.name,
    password_hash: "",
    disabled: true,
  }));
  await db.insertInto("users").values(users).execute();
  const memberships = members.flatMap((member, i) =>
    (member.departments ?? []).map((d, j) => ({
      department_id: map.departments[d]!,
      user_id: users[i]!.id,
      is_primary: j === 0,
      is_head: (member.heads ?? []).includes(d),
    })),
  );
  if (memberships.length > 0) await db.insertInto("department_members").values(memberships).execute();
  const roles = members.flatMap((member, i) =>
    (member.roles ?? []).map((r) => ({ role_id: map.roles[r]!, user_id: users[i]!.id })),
  );
  if (roles.length > 0) await db.insertInto("user_roles").values(roles).execute();
  for (const [i, member] of members.entries()) mapped[member.id] = users[i]!.id;
  return mapped;
}
