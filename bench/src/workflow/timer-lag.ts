// Timer firing lag: a backlog of deadline timers made due at one instant (moved there in SQL), then the
// server's poller fires them. Lag = fired_at − due_at, both from the database clock (fired_at is the
// clock when the firing batch's write ran, a few milliseconds before its commit).
import pg from "pg";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LagResult {
  timers: number;
  /** The first timer's lag: how late the poller woke to the first due time. */
  minMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Timers per second from the first to the last firing. */
  perSecond: number;
  firedOnce: boolean;
  /**
   * The record table's updates while firing and how many were HOT (the new row version on the same
   * page: no index entries), from pg_stat_user_tables; null when PostgreSQL had not reported them yet.
   */
  recordUpdates: { updated: number; hot: number } | null;
}

/** ANALYZE of the whole database, as autovacuum would have done after seeding. */
export async function analyzeDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

export async function measureTimerLag(url: string, formId: string, leadMs: number): Promise<LagResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = (
      await client.query<{ table_name: string }>("SELECT table_name FROM forms WHERE id = $1", [formId])
    ).rows[0]?.table_name;
    const recordStats = async () =>
      (
        await client.query<{ updated: number; hot: number }>(
          `SELECT n_tup_upd::int AS updated, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables
           WHERE relid = $1::regclass`,
          [table],
        )
      ).rows[0] ?? { updated: 0, hot: 0 };
    const before = await recordStats();
    const moved = await client.query<{ due_at: string }>(
      `UPDATE flow_timers t SET due_at = now() + make_interval(secs => $2::float8 / 1000)
       FROM flow_instances i WHERE i.id = t.instance_id AND i.form_id = $1 AND t.status = 'pending'
       RETURNING t.due_at::text`,
      [formId, leadMs],
    );
    // As text: a Date would drop the microseconds, and the timers would look due after it.
    const dueAt = moved.rows[0]?.due_at;
    const deadline = Date.now() + leadMs + 300_000;
    // Whether any moved timer is still pending: a probe of the pending-timers index up to their due
    // time. A count joined with the form's instances took 20-45 ms of PostgreSQL every 200 ms — CPU
    // taken from the firing it was watching.
    for (;;) {
      const { rows } = await client.query<{ pending: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM flow_timers WHERE status = 'pending' AND due_at <= $1::timestamptz) AS pending`,
        [dueAt],
      );
      if (!rows[0]!.pending) break;
      if (Date.now() > deadline) throw new Error("timers still pending");
      await sleep(200);
    }
    const { rows } = await client.query<{
      n: number;
      min: number;
      p50: number;
      p95: number;
      max: number;
      span: number;
      events: number;
    }>(
      `SELECT count(*)::int AS n, min(lag) AS min,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
         percentile_cont(0.95) WITHIN GROUP (ORDER BY lag) AS p95, max(lag) AS max,
         extract(epoch FROM max(t.fired_at) - min(t.fired_at)) * 1000 AS span,
         (SELECT count(*)::int FROM flow_events e JOIN flow_instances i2 ON i2.id = e.instance_id
          WHERE i2.form_id = $1 AND e.action IN ('remind', 'autoPass')) AS events
       FROM (SELECT t.fired_at, extract(epoch FROM t.fired_at - t.due_at) * 1000 AS lag
             FROM flow_timers t JOIN flow_instances i ON i.id = t.instance_id
             WHERE i.form_id = $1 AND t.status = 'fired') t`,
      [formId],
    );
    const r = rows[0]!;
    // Backends report their counts when idle, at most once a second (after up to 10 s when idle since):
    // wait until the record table's updates are in, as long as the statuses changed at all.
    let after = await recordStats();
    const statsBy = Date.now() + 15_000;
    const statuses = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM flow_instances WHERE form_id = $1 AND status <> 'running'`,
      [formId],
    );
    const expected = statuses.rows[0]!.n;
    while (after.updated - before.updated < expected && Date.now() < statsBy) {
      await sleep(500);
      after = await recordStats();
    }
    const updated = after.updated - before.updated;
    return {
      timers: r.n,
      minMs: Number(r.min),
      p50Ms: Number(r.p50),
      p95Ms: Number(r.p95),
      maxMs: Number(r.max),
      perSecond: r.span > 0 ? (r.n * 1000) / Number(r.span) : Number.NaN,
      firedOnce: r.n === moved.rowCount && r.events === r.n,
      recordUpdates: updated >= expected ? { updated, hot: after.hot - before.hot } : null,
    };
  } finally {
    await client.end();
  }
}
