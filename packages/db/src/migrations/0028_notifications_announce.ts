import { type Kysely, sql } from "kysely";

// Live unread counts without polling (issue 7): every statement that inserts notifications announces
// its recipients on the channel `formwork_notifications` (NOTIFICATIONS_CHANNEL in realtime/listener),
// whichever feature wrote them, in a CTE or not. NOTIFY is delivered only on commit, to every instance
// listening on the database (PGlite delivers it in-process), and identical payloads of one transaction
// are folded into one. A payload holds up to 200 distinct user ids joined by commas (200 × 37 bytes
// stays well under NOTIFY's 8,000-byte limit); larger statements send several. Listeners recount.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION notifications_announce() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      batch text;
    BEGIN
      FOR batch IN
        SELECT string_agg(user_id::text, ',')
        FROM (SELECT user_id, (row_number() OVER (ORDER BY user_id) - 1) / 200 AS chunk
              FROM (SELECT DISTINCT user_id FROM announced_notifications) AS recipients) AS numbered
        GROUP BY chunk
      LOOP
        PERFORM pg_notify('formwork_notifications', batch);
      END LOOP;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER notifications_announce AFTER INSERT ON notifications
    REFERENCING NEW TABLE AS announced_notifications
    FOR EACH STATEMENT EXECUTE FUNCTION notifications_announce()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER notifications_announce ON notifications`.execute(db);
  await sql`DROP FUNCTION notifications_announce()`.execute(db);
}
