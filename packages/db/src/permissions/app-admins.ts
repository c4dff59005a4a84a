// App admins: members who design an app's forms and manage their permission sets.
import { sql } from "kysely";
import { isId } from "../ids";
import { type Db, requireUsers } from "../org/shared";

export interface AppAdminView {
  userId: string;
  name: string;
  email: string;
}

export async function listAppAdmins(db: Db, appId: string): Promise<AppAdminView[]> {
  const rows = await db
    .selectFrom("app_admins as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("a.app_id", "=", appId)
    .orderBy("u.name")
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email }));
}

/** Replaces the app's admins (one transaction by the caller); NOT_FOUND at /userIds/<i> for an unknown user. */
export async function setAppAdmins(
  db: Db,
  appId: string,
  userIds: readonly string[],
  actorId: string,
): Promise<void> {
  await requireUsers(db, userIds, "/userIds");
  await db.deleteFrom("app_admins").where("app_id", "=", appId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length > 0) {
    await db
      .insertInto("app_admins")
      .values(unique.map((userId) => ({ app_id: appId, user_id: userId, created_by: actorId })))
      .execute();
  }
}

export async function isAppAdmin(db: Db, appId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("app_admins")
    .select(sql`1`.as("one"))
    .where("app_id", "=", appId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The apps the user administers. */
export async function administeredApps(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("app_admins").select("app_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.app_id);
}

/** Whether the user administers the app named by `appId`, or the app of the form `formId`. */
export async function isAdminOfAppOrForm(
  db: Db,
  userId: string,
  target: { appId?: string | undefined; formId?: string | undefined },
): Promise<boolean> {
  const appId = target.appId && isId(target.appId) ? target.appId : null;
  const formId = target.formId && isId(target.formId) ? target.formId : null;
  if (!isId(userId) || (!appId && !formId)) return false;
  const row = await db
    .selectFrom("app_admins")
    .select(sql`1`.as("one"))
    .where("user_id", "=", userId)
    .where((eb) =>
      appId
        ? eb("app_id", "=", appId)
        : eb("app_id", "=", eb.selectFrom("forms").select("app_id").where("id", "=", formId!)),
    )
    .executeTakeFirst();
  return row !== undefined;
}
