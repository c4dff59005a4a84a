// The outbox dispatcher, running in every server process. Messages are claimed in batches with SKIP
// LOCKED and a lease (packages/db/src/outbox), so processes never claim the same message at once; each
// claimed message is sent by the sender of its kind outside any transaction and its attempt recorded:
// delivered, retried after an exponential jittered backoff, or dead after its last attempt. The loops
// are DueLoops: a round that claimed goes again at once, otherwise they sleep until the next message is
// due, at most `pollMs`. `wake()` cuts a sleep short (an enqueue in this process calls it after its commit).
import {
  type AttemptOutcome,
  backoffMs,
  type ClaimedMessage,
  claimOutbox,
  msUntilNextOutbox,
  type OutboxKind,
  recordOutboxAttempt,
} from "@formwork/db";
import type { FastifyBaseLogger } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { DueLoop, logFailure } from "../../due-loop";

/** See ServerConfig["outbox"]. */
export type OutboxOptions = ServerConfig["outbox"];

/** What one attempt came to. `permanent`: retrying cannot help (the message goes dead at once). */
export interface SendResult {
  ok: boolean;
  statusCode?: number | null;
  error?: string | null;
  responseSnippet?: string | null;
  permanent?: boolean;
}

export type Sender = (message: ClaimedMessage) => Promise<SendResult>;

export class OutboxDispatcher {
  private readonly loop: DueLoop;

  constructor(
    private readonly db: Db,
    readonly senders: Partial<Record<OutboxKind, Sender>>,
    private readonly log: FastifyBaseLogger,
    readonly options: OutboxOptions,
  ) {
    this.loop = new DueLoop(
      { round: () => this.dispatchOnce(), msUntilNext: () => msUntilNextOutbox(db) },
      options,
      log,
      "outbox poll failed",
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Ends the loops' sleeps: something may be due now. */
  wake(): void {
    this.loop.wake();
  }

  /** Claims and sends one batch of due messages; returns how many were claimed. */
  async dispatchOnce(): Promise<number> {
    const kinds = Object.keys(this.senders) as OutboxKind[];
    if (kinds.length === 0) return 0;
    const batch = await claimOutbox(this.db, {
      limit: this.options.batchSize,
      leaseMs: this.options.leaseMs,
      kinds,
    });
    await Promise.all(batch.map((message) => this.deliver(message)));
    return batch.length;
  }

  /** Sends what is due now, round after round, until nothing is (tests and benchmarks use it). */
  drain(): Promise<number> {
    return this.loop.drain();
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    const sender = this.senders[message.kind];
    const startedAt = new Date();
    const start = performance.now();
    let result: SendResult;
    try {
      result = sender
        ? await sender(message)
        : { ok: false, error: `no sender for ${message.kind}`, permanent: true };
    } catch (error) {
      // A sender reports failures as results; a throw is a bug in it, retried like any failure.
      this.log.error({ err: error, outboxId: message.id }, "outbox sender threw");
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const last = result.permanent || message.attempt >= message.maxAttempts;
    const outcome: AttemptOutcome = {
      startedAt,
      durationMs: performance.now() - start,
      statusCode: result.statusCode ?? null,
      error: result.ok ? null : (result.error ?? "failed"),
      responseSnippet: result.responseSnippet ?? null,
      delivered: result.ok,
      retryInMs:
        result.ok || last
          ? null
          : backoffMs(message.attempt, this.options.backoffBaseMs, this.options.backoffMaxMs),
    };
    try {
      const status = await recordOutboxAttempt(this.db, message, outcome);
      if (status === "dead")
        this.log.warn({ outboxId: message.id, error: outcome.error }, "outbox message dead");
    } catch (error) {
      // The lease runs out and the message is tried again: at least once, never lost.
      logFailure(this.log, error, "recording an outbox attempt failed");
    }
  }
}
