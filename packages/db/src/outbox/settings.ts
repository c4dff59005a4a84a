// A member's notification settings: today whether notifications are copied to them by email (the
// trigger on notifications reads this table; see migration 0014).
import { sql } from "kysely";
import type { Db } from "../org/shared";

export async function getEmailOptIn(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("user_notification_settings")
    .select("email")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.email ?? false;
}

export async function setEmailOptIn(db: Db, userId: string, email: boolean): Promise<void> {
  await db
    .insertInto("user_notification_settings")
    .values({ user_id: userId, email })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ email, updated_at: sql<Date>`now()` }))
    .execute();
}
