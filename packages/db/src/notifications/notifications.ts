// The in-app notification centre's rows: written by features in their own transactions (comments'
// mentions, workflow effects through flowNotificationsPart), read per recipient newest first. Paging,
// counting and marking read are SQL; a user only ever reaches their own rows (every query is keyed by
// user_id).

import type { NotificationItem, NotificationKind } from "@formwork/schema";
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../org/shared";
import { json } from "../tables";
import { asUuid } from "../uuid-sql";

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  actorId?: string | null;
  title?: string | null;
  payload?: Record<string, unknown>;
  link?: string | null;
}

export type NotificationView = NotificationItem;

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
}

/** Inserts the rows (one statement); recipients that are not users (or are disabled) are skipped. */
export async function insertNotifications(db: Db, rows: readonly NewNotification[]): Promise<void> {
  if (rows.length > 0) await notificationsInsert(rows).execute(db);
}

/** The INSERT of `rows` as a statement part (the workflow writes it as one CTE of its statement). */
export function notificationsInsert(
  rows: readonly NewNotification[],
  gate?: RawBuilder<boolean>,
): RawBuilder<unknown> {
  const values = rows.map((r) => ({
    userId: r.userId,
    kind: r.kind,
    actorId: r.actorId ?? null,
    title: r.title ?? null,
    payload: r.payload ?? {},
    link: r.link ?? null,
  }));
  // Each recipient is looked up with its own primary-key probe (a scalar subquery, kept apart by OFFSET
  // 0): the planner takes jsonb_to_recordset for 100 rows whatever it holds, and as a join it hashed the
  // whole users table for the one or two recipients of a transition (2.9 ms at 20,000 users, 0.15 ms so).
  return sql`INSERT INTO notifications (user_id, kind, actor_id, title, payload, link)
    SELECT r.user_id, r.kind, r."actorId", r.title, r.payload, r.link
    FROM (SELECT (SELECT u.id FROM users u WHERE u.id = ${asUuid(sql`v."userId"`)} AND NOT u.disabled) AS user_id,
            v.kind, v."actorId", v.title, v.payload, v.link
          FROM jsonb_to_recordset(${gate ? sql`CASE WHEN ${gate} THEN ${json(values)}::jsonb END` : sql`${json(values)}::jsonb`})
            AS v("userId" text, kind text, "actorId" uuid, title text, payload jsonb, link text)
          OFFSET 0) r
    WHERE r.user_id IS NOT NULL`;
}

/** The user's notifications, newest first; `unread` keeps the unread ones; `cursor` from nextCursor. */
export async function listNotifications(
  db: Db,
  userId: string,
  options: { unread?: boolean; cursor?: string | null; limit?: number } = {},
): Promise<NotificationPage> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const before = options.cursor ? Number(options.cursor) : null;
  let query = db
    .selectFrom("notifications as n")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .leftJoin("flow_instances as fi", (join) => join.on("fi.id", "=", asUuid(sql`n.payload->>'instanceId'`)))
    .select([
      "n.id",
      "n.kind",
      "n.actor_id",
      "a.name as actor_name",
      sql<string | null>`coalesce(n.title, fi.title)`.as("title"),
      "n.payload",
      "n.link",
      "n.read_at",
      "n.created_at",
    ])
    .where("n.user_id", "=", userId)
    .orderBy("n.id", "desc")
    .limit(limit + 1);
  if (options.unread) query = query.where("n.read_at", "is", null);
  if (before !== null && Number.isSafeInteger(before)) query = query.where("n.id", "<", before);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "" } : null,
      title: r.title,
      payload: r.payload,
      link: r.link,
      readAt: r.read_at ? r.read_at.toISOString() : null,
      createdAt: r.created_at.toISOString(),
    })),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
  };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  return (await countUnreadOf(db, [userId])).get(userId) ?? 0;
}

/**
 * Unread counts of several users in one statement (users with none are absent). Each user's count is
 * a range of notifications_user_ix (user_id, read_at, …): the cost follows their unread rows, never the
 * table's size.
 */
export async function countUnreadOf(db: Db, userIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (userIds.length === 0) return counts;
  for (const row of await unreadCountsQuery(db, userIds).execute()) counts.set(row.user_id, Number(row.n));
  return counts;
}

/** The statement of countUnreadOf (exported for the test that checks its plan). */
export function unreadCountsQuery(db: Db, userIds: readonly string[]) {
  return db
    .selectFrom("notifications")
    .select(["user_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("user_id", "in", [...userIds])
    .where("read_at", "is", null)
    .groupBy("user_id");
}

/** Marks the user's given notifications (or all of them) read; answers how many changed. */
export async function markNotificationsRead(
  db: Db,
  userId: string,
  which: { ids: readonly string[] } | { all: true },
): Promise<number> {
  let query = db
    .updateTable("notifications")
    .set({ read_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if ("ids" in which) {
    const ids = which.ids.map(Number).filter(Number.isSafeInteger);
    if (ids.length === 0) return 0;
    query = query.where("id", "in", ids);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
