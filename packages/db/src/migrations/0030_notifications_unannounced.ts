import { type Kysely, sql } from "kysely";

// Migration 0028 announced new notifications with a NOTIFY from a statement trigger. A transaction that
// has sent a NOTIFY takes one lock for the whole cluster at commit and keeps it through its WAL flush,
// so every write that notified someone (a task assigned, a flow approved, a mention) committed one at a
// time: approvals fell to about one per disk flush (issue 5's bench: 175 of 219 sampled sessions waiting
// on that lock). Instances read new notification ids from the primary key instead (recentNotifications).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS notifications_announce ON notifications`.execute(db);
  await sql`DROP FUNCTION IF EXISTS notifications_announce()`.execute(db);
}

export async function down(): Promise<void> {
  // 0028's down removes nothing that is left; the trigger is not put back.
}
