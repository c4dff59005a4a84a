// The timer poller and the reconciler, running in every server process. Timers are rows (durable across
// restarts); any number of processes poll, and SKIP LOCKED gives each due row to one of them. The
// firing loops are DueLoops: a round that fired goes again at once, otherwise they sleep until the
// next timer is due (at most `pollMs`), and a timer written due within a minute wakes them (NOTIFY). The reconciler reports instances that are neither finished
// nor waiting on a task or a timer — which the engine's invariants say cannot happen — once each.
import { msUntilNextTimer, TIMERS_CHANNEL } from "@formwork/db";
import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../database";
import { DueLoop, logFailure } from "../../due-loop";
import type { WorkflowRuntime } from "./runtime";

export interface TimerOptions {
  /** Longest sleep between polls (ms). */
  pollMs: number;
  /** Timers fired per transaction. */
  batchSize: number;
  /**
   * Firing loops in this process. Two overlap one batch's engine work with another's database work; they
   * never fire the same timer (SKIP LOCKED).
   */
  workers: number;
  /** How often the reconciler runs (ms); it also runs at start. */
  reconcileMs: number;
}

/**
 * Timers claimed by the first round after the loops found nothing; each round that fires some doubles it
 * up to `batchSize`. A backlog falling due at once is mostly the later timers' wait for the earlier
 * batches, so the first timers fire in tens of milliseconds instead of after a whole batch of 1,000 has
 * been stepped and written, and the large batches that keep the throughput come right after.
 */
export const FIRST_BATCH = 100;

/** How many timers the next round claims: small after an idle loop, doubling while rounds find work. */
export class BatchRamp {
  private size: number;

  constructor(
    private readonly first: number,
    private readonly max: number,
  ) {
    this.size = Math.min(first, max);
  }

  next(): number {
    return this.size;
  }

  /** A round claimed `claimed` timers. */
  claimed(claimed: number): void {
    this.size = claimed === 0 ? Math.min(this.first, this.max) : Math.min(this.max, this.size * 2);
  }
}

export class TimerPoller {
  private readonly loop: DueLoop;
  private reconcileTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    runtime: WorkflowRuntime,
    private readonly log: FastifyBaseLogger,
    private readonly options: TimerOptions,
  ) {
    const ramp = new BatchRamp(FIRST_BATCH, options.batchSize);
    this.loop = new DueLoop(
      {
        round: async () => {
          const claimed = await runtime.fireDueTimers(ramp.next());
          ramp.claimed(claimed);
          return claimed;
        },
        msUntilNext: () => msUntilNextTimer(db),
        // A timer written due within a minute (by any process, or by hand) wakes the loops at once.
        wakeOn: { db, channel: TIMERS_CHANNEL },
      },
      { pollMs: options.pollMs, workers: options.workers },
      log,
      "timer poll failed",
    );
  }

  start(): void {
    if (this.reconcileTimer) return;
    this.loop.start();
    const reconcile = () =>
      void findStuckInstances(this.db, true).then(
        (stuck) => {
          if (stuck.length > 0) this.log.warn({ instances: stuck }, "flow instances waiting on nothing");
        },
        (error: unknown) => logFailure(this.log, error, "reconciler failed"),
      );
    reconcile();
    this.reconcileTimer = setInterval(reconcile, this.options.reconcileMs);
    this.reconcileTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    this.reconcileTimer = null;
    await this.loop.stop();
  }

  /** Fires what is due now, in batches, until nothing is left (tests use it). */
  drain(): Promise<number> {
    return this.loop.drain();
  }
}

/**
 * Running instances with no pending task and no pending timer. With `flag`, each is logged once as a
 * `stuck` event and an outbox row for the administrators (an instance already flagged is not again).
 */
export async function findStuckInstances(db: Db, flag: boolean): Promise<string[]> {
  const { rows } = await sql<{ id: string; revision: number }>`
    SELECT i.id, i.revision FROM flow_instances i
    WHERE i.status = 'running'
      AND NOT EXISTS (SELECT 1 FROM flow_tasks t WHERE t.instance_id = i.id AND t.status = 'pending' AND t.kind <> 'cc')
      AND NOT EXISTS (SELECT 1 FROM flow_timers m WHERE m.instance_id = i.id AND m.status = 'pending')`.execute(
    db,
  );
  if (flag && rows.length > 0) {
    await sql`
      WITH stuck AS (
        SELECT s.id, s.revision FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.revision)}::int[])
          AS s(id, revision)
        WHERE NOT EXISTS (SELECT 1 FROM flow_events e WHERE e.instance_id = s.id AND e.revision = s.revision
                          AND e.action = 'stuck')
      ), ev AS (
        INSERT INTO flow_events (instance_id, revision, action, actor, data)
        SELECT id, revision, 'stuck', 'system', '{}'::jsonb FROM stuck
      )
      INSERT INTO flow_outbox (instance_id, topic, payload)
      SELECT id, 'flow.stuck', jsonb_build_object('instanceId', id) FROM stuck`.execute(db);
  }
  return rows.map((r) => r.id);
}
