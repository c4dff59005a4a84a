import { type Kysely, sql } from "kysely";

// Timer pollers sleep until the earliest pending timer they last saw, at most their poll interval. A
// statement that writes a pending timer due within the next minute — a short deadline, a timer moved
// earlier, one written by another process — says so on `formwork_timers` (TIMERS_CHANNEL), so every
// listening poller looks again at once instead of after its interval. Timers due later need nobody
// woken: pollers look at least once per interval and then sleep exactly until the due time. NOTIFY is
// delivered on commit only, and identical payloads of a transaction are folded into one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION flow_timers_announce() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM announced_timers
                 WHERE status = 'pending' AND due_at < now() + interval '1 minute') THEN
        PERFORM pg_notify('formwork_timers', '');
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  // A trigger with a transition table serves one event: one for inserts, one for updates.
  await sql`
    CREATE TRIGGER flow_timers_announce_insert AFTER INSERT ON flow_timers
    REFERENCING NEW TABLE AS announced_timers
    FOR EACH STATEMENT EXECUTE FUNCTION flow_timers_announce()`.execute(db);
  await sql`
    CREATE TRIGGER flow_timers_announce_update AFTER UPDATE ON flow_timers
    REFERENCING NEW TABLE AS announced_timers
    FOR EACH STATEMENT EXECUTE FUNCTION flow_timers_announce()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER flow_timers_announce_update ON flow_timers`.execute(db);
  await sql`DROP TRIGGER flow_timers_announce_insert ON flow_timers`.execute(db);
  await sql`DROP FUNCTION flow_timers_announce()`.execute(db);
}
