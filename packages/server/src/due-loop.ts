// The claim-and-sleep loop shared by the background pollers (workflow timers, the outbox dispatcher, the
// automations schedule). Each of `workers` loops runs rounds; a round that found work (with
// `batchSize`: a full batch) goes again at once, so a backlog drains at full speed; otherwise the loop sleeps until the next row is due — as the
// database says, so a timer due in 300 ms is claimed 300 ms from now, not at the next interval — and at
// most `pollMs`, which bounds how late a row written by another process or by hand is seen. `wake()`
// cuts every sleep short (new work written by this process, or stopping); with `wakeOn`, so does a
// NOTIFY on that channel (written by a trigger in any process, see migration 0026).
import { isUnavailable, listenerOf } from "@formwork/db";
import type { FastifyBaseLogger } from "fastify";

export interface DueWork {
  /** One round: claims and handles what is due now; answers how many rows it claimed. */
  round(): Promise<number>;
  /** Milliseconds until the next row is due (0 when one is overdue), null when none is pending. */
  msUntilNext?(): Promise<number | null>;
  /**
   * A channel whose NOTIFYs wake the loops (a row due sooner than they sleep), listened on through the
   * database handle's listener; and after the listener reconnects (a NOTIFY may have been missed).
   */
  wakeOn?: { db: object; channel: string };
}

export interface DueLoopOptions {
  /** Longest sleep between rounds (ms). */
  pollMs: number;
  /** Concurrent loops in this process (SKIP LOCKED claims keep them apart). */
  workers: number;
  /**
   * Go again at once only after a round that claimed this many (what is left is due later); without
   * it, after any round that claimed something (a workflow round fires one timer per instance, so a
   * short round may leave due timers behind).
   */
  batchSize?: number;
}

/** Shortest sleep: an overdue row that a round could not claim (its instance busy) is retried soon, not in a spin. */
const MIN_SLEEP_MS = 10;

export class DueLoop {
  private stopped = true;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private unlisten: Promise<(() => Promise<void>) | undefined> | null = null;

  constructor(
    private readonly work: DueWork,
    private readonly options: DueLoopOptions,
    private readonly log: FastifyBaseLogger,
    /** What the log says when a round fails, e.g. "timer poll failed". */
    private readonly failure: string,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.work.wakeOn) this.unlisten = this.listen(this.work.wakeOn);
    this.loops = Array.from({ length: Math.max(1, this.options.workers) }, () => this.run());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    const unlisten = await this.unlisten;
    this.unlisten = null;
    await Promise.all([unlisten?.(), ...this.loops]);
  }

  /** Ends every sleep in progress: something may be due now. */
  wake(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Runs rounds until one finds nothing; answers the rows claimed (tests and benchmarks use it). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.work.round();
      total += claimed;
      if (claimed === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let pause = this.options.pollMs;
      try {
        const claimed = await this.work.round();
        if (claimed > 0 && claimed >= (this.options.batchSize ?? 1)) continue;
        const next = (await this.work.msUntilNext?.()) ?? null;
        if (next !== null) pause = Math.min(pause, Math.max(MIN_SLEEP_MS, next));
      } catch (error) {
        logFailure(this.log, error, this.failure);
      }
      if (this.stopped) return;
      await this.sleep(pause);
    }
  }

  /** Without a listener (a handle not opened by createDatabase) or when LISTEN fails, polling alone serves. */
  private async listen({ db, channel }: { db: object; channel: string }) {
    try {
      return await listenerOf(db)?.listen(channel, { heard: () => this.wake(), resumed: () => this.wake() });
    } catch (error) {
      logFailure(this.log, error, `listening on ${channel}`);
      return undefined;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}

/** A background job's failure: a database outage is expected to pass (the next round retries), so a
 * warning; anything else is a bug. */
export function logFailure(log: FastifyBaseLogger, error: unknown, message: string): void {
  if (isUnavailable(error)) log.warn({ err: error }, message);
  else log.error({ err: error }, message);
}
