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
}

export async function measureTimerLag(url: string, formId: string, leadMs: number): Promise<LagResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const moved = await client.query(
      `UPDATE flow_timers t SET due_at = now() + make_interval(secs => $2::float8 / 1000)
       FROM flow_instances i WHERE i.id = t.instance_id AND i.form_id = $1 AND t.status = 'pending'`,
      [formId, leadMs],
    );
    const deadline = Date.now() + leadMs + 300_000;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM flow_timers t JOIN flow_instances i ON i.id = t.instance_id
         WHERE i.form_id = $1 AND t.status = 'pending'`,
        [formId],
      );
      if (rows[0]!.n === 0) break;
      if (Date.now() > deadline) throw new Error(`${rows[0]!.n} timers still pending`);
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
    return {
      timers: r.n,
      minMs: Number(r.min),
      p50Ms: Number(r.p50),
      p95Ms: Number(r.p95),
      maxMs: Number(r.max),
      perSecond: r.span > 0 ? (r.n * 1000) / Number(r.span) : Number.NaN,
      firedOnce: r.n === moved.rowCount && r.events === r.n,
    };
  } finally {
    await client.end();
  }
}
