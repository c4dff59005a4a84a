// The realtime notification watch: which users got notification rows since the last look. Rows are
// written by many features in their own transactions (comments, the workflow's statement, timers,
// automations), so instead of every writer remembering to announce them, each instance reads the new
// ids from the primary key. Identity values are handed out before commit, so a transaction may commit
// a lower id after a higher one was seen: the look goes back `lookBack` ids and the caller skips ids it
// has already announced.
import type { Db } from "../org/shared";

export interface NotificationRow {
  id: number;
  userId: string;
}

/** Rows with an id above `afterId - lookBack`, oldest first (at most `limit`). */
export async function recentNotifications(
  db: Db,
  afterId: number,
  lookBack: number,
  limit = 5_000,
): Promise<NotificationRow[]> {
  const rows = await db
    .selectFrom("notifications")
    .select(["id", "user_id"])
    .where("id", ">", Math.max(0, afterId - lookBack))
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), userId: r.user_id }));
}

/** The newest notification id (0 when there is none): where a starting instance begins to watch. */
export async function latestNotificationId(db: Db): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.max("id").as("top"))
    .executeTakeFirst();
  return row?.top == null ? 0 : Number(row.top);
}
