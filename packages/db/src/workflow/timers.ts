// Durable timers: rows with a due time from the database clock. Any number of server processes poll;
// FOR UPDATE SKIP LOCKED hands each due row to exactly one of them at a time, and a row fires only in
// the transaction that runs its command and marks it 'fired' — a crash before the commit leaves it
// pending for the next poll, a late or repeated claim of a fired row finds nothing.
import { type Kysely, sql } from "kysely";
import { prepared } from "../prepared";
import type { SystemTables } from "../tables";

type Db = Kysely<SystemTables>;

export interface DueTimer {
  /** The engine's timer id: firing is the engine command {type: "timer", timerId: id}. */
  id: string;
  instanceId: string;
  dueAt: Date;
}

/** Claims up to `limit` due timers for the caller's transaction (oldest first), skipping claimed ones. */
export async function claimDueTimers(db: Db, limit: number): Promise<DueTimer[]> {
  const query = sql<{ id: string; instance_id: string; due_at: Date }>`
    SELECT id, instance_id, due_at FROM flow_timers
    WHERE status = 'pending' AND due_at <= now()
    ORDER BY due_at
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`.compile(db);
  const { rows } = await db.executeQuery(prepared(query));
  return rows.map((r) => ({
    id: r.id,
    instanceId: r.instance_id,
    dueAt: r.due_at,
  }));
}

/**
 * Milliseconds until the next pending timer is due (0 when one is overdue), or null when none is pending.
 * greatest() skips nulls, so without the CASE an empty table read as "due now" and the poller spun.
 */
export async function msUntilNextTimer(db: Db): Promise<number | null> {
  const { rows } = await sql<{ ms: number | null }>`
    SELECT (CASE WHEN min(due_at) IS NULL THEN NULL
                 ELSE greatest(0, extract(epoch FROM (min(due_at) - now())) * 1000) END)::float8 AS ms
    FROM flow_timers WHERE status = 'pending'`.execute(db);
  return rows[0]?.ms ?? null;
}
