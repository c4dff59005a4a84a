// What the email copy of one notification needs (the outbox's email sender renders it at send time):
// the recipient's address and whether they still want email, the kind, the title as the centre shows
// it, who caused it and the in-app link.
import type { NotificationKind } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../org/shared";
import { asUuid } from "../uuid-sql";

export interface NotificationEmail {
  id: number;
  kind: NotificationKind;
  recipient: string;
  /** The recipient still opted in and is not disabled. */
  wanted: boolean;
  title: string | null;
  actorName: string | null;
  link: string | null;
  payload: Record<string, unknown>;
}

export async function notificationForEmail(db: Db, id: number): Promise<NotificationEmail | null> {
  const row = await db
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.user_id")
    .leftJoin("user_notification_settings as s", "s.user_id", "n.user_id")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .leftJoin("flow_instances as fi", (join) => join.on("fi.id", "=", asUuid(sql`n.payload->>'instanceId'`)))
    .select([
      "n.id",
      "n.kind",
      "u.email",
      sql<boolean>`coalesce(s.email, false) AND NOT u.disabled`.as("wanted"),
      sql<string | null>`coalesce(n.title, fi.title)`.as("title"),
      "a.name as actor_name",
      "n.link",
      "n.payload",
    ])
    .where("n.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.email,
    wanted: row.wanted,
    title: row.title,
    actorName: row.actor_name,
    link: row.link,
    payload: row.payload,
  };
}
