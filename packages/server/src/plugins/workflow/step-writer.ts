// Group commit for optimistic task actions. Each approval's step is one statement with its own commit
// (applyWritesIfUnchanged); under load, per-statement and per-commit work is most of what PostgreSQL
// spends on it. So the steps that arrive while earlier ones are being written wait and go out together,
// in ONE statement (applyStepsIfUnchanged): one round trip, one plan execution, one commit for them all.
// Each step is still atomic and still decided on its own: a step whose instance moved meanwhile answers
// false to its caller alone (who reads and steps again), and the others are written in the next
// statement; a statement that fails is retried one step at a time, so a bad step fails only its caller.
import { applyStepsIfUnchanged, type GuardedStep } from "@formwork/db";
import type { Db } from "../../database";

/** Statements in flight at once: the rest of the server's pool stays free for reads and other work. */
const CONCURRENT_WRITES = 2;
/** Steps per statement at most (its parameters grow with them). */
const MAX_STEPS = 100;

interface Waiting {
  step: GuardedStep;
  instanceId: string;
  done: (written: boolean) => void;
  fail: (error: unknown) => void;
}

export class StepWriter {
  private queue: Waiting[] = [];
  private writing = 0;
  private scheduled = false;

  constructor(private readonly db: Db) {}

  /** Writes `step` if its instance and task did not move since it was stepped; answers whether it did. */
  write(step: GuardedStep): Promise<boolean> {
    const instanceId = step.writes.instances[0]?.id;
    if (!instanceId) throw new Error("an optimistic write moves exactly one existing instance");
    return new Promise((done, fail) => {
      this.queue.push({ step, instanceId, done, fail });
      this.schedule();
    });
  }

  /** After this turn of the event loop, so that steps finished by the same round of replies go together. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.writing < CONCURRENT_WRITES && this.queue.length > 0) {
      const batch = this.take();
      this.writing++;
      void this.flush(batch).finally(() => {
        this.writing--;
        this.pump();
      });
    }
  }

  /** The queue's oldest steps, one per instance (a second step of an instance waits for the next statement). */
  private take(): Waiting[] {
    const batch: Waiting[] = [];
    const instances = new Set<string>();
    const rest: Waiting[] = [];
    for (const waiting of this.queue) {
      if (batch.length < MAX_STEPS && !instances.has(waiting.instanceId)) {
        instances.add(waiting.instanceId);
        batch.push(waiting);
      } else rest.push(waiting);
    }
    this.queue = rest;
    return batch;
  }

  private async flush(batch: Waiting[]): Promise<void> {
    let held: boolean[];
    try {
      held = await applyStepsIfUnchanged(
        this.db,
        batch.map((w) => w.step),
      );
    } catch (error) {
      if (batch.length === 1) batch[0]!.fail(error);
      else await Promise.all(batch.map((w) => this.flush([w])));
      return;
    }
    if (held.every(Boolean)) {
      for (const waiting of batch) waiting.done(true);
      return;
    }
    // Nothing was written: the steps that lost a race are answered, the others go again as they are.
    const again: Waiting[] = [];
    for (const [i, waiting] of batch.entries()) {
      if (held[i]) again.push(waiting);
      else waiting.done(false);
    }
    this.queue.unshift(...again);
  }
}
