// The transactional outbox: `enqueueOutbox` writes a message in the caller's transaction (it is sent only
// if that commits); the server's dispatcher claims due messages with FOR UPDATE SKIP LOCKED and a lease
// (`available_at` moves past the attempt's longest duration), sends them outside any transaction, and
// records each attempt. A process that dies mid-attempt leaves the message to be claimed again when the
// lease ends: delivery is at least once, and receivers deduplicate by the idempotency key.
import { sql } from "kysely";
import type { Db } from "../org/shared";
import { json } from "../tables";
import type { OutboxKind, OutboxStatus } from "./tables";

export interface OutboxMessage {
  kind: OutboxKind;
  /** webhook: the URL; email: the recipient's address. */
  target: string;
  /** webhook: the JSON body; email: { subject, text, html? } or what the email sender renders. */
  payload: unknown;
  /** Unique across the outbox: enqueueing the same key again is a no-op (returns null). */
  idempotencyKey: string;
  /** Shown in logs and sent as X-Formwork-Event. */
  event?: string;
  appId?: string | null;
  /** The webhook subscription that signs the call with its secret. */
  webhookId?: string | null;
  /** Attempts before the message is given up as dead (default 8). */
  maxAttempts?: number;
}

/** Enqueues one message in `tx` (use the writing transaction); returns its id, or null for a repeated key. */
export async function enqueueOutbox(tx: Db, message: OutboxMessage): Promise<string | null> {
  const ids = await enqueueOutboxMany(tx, [message]);
  return ids[0] ?? null;
}

/** Enqueues several messages in one statement; returns the ids of those whose keys were new. */
export async function enqueueOutboxMany(tx: Db, messages: readonly OutboxMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = messages.map((m) => ({
    kind: m.kind,
    target: m.target,
    payload: m.payload ?? null,
    key: m.idempotencyKey,
    event: m.event ?? null,
    appId: m.appId ?? null,
    webhookId: m.webhookId ?? null,
    maxAttempts: m.maxAttempts ?? 8,
  }));
  const { rows: inserted } = await sql<{ id: string }>`
    INSERT INTO outbox (kind, target, payload, idempotency_key, event, app_id, webhook_id, max_attempts)
    SELECT v.kind, v.target, v.payload, v.key, v.event, v."appId", v."webhookId", v."maxAttempts"
    FROM jsonb_to_recordset(${json(rows)}::jsonb) AS v(kind text, target text, payload jsonb, key text,
      event text, "appId" uuid, "webhookId" uuid, "maxAttempts" int)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`.execute(tx);
  return inserted.map((r) => r.id);
}

export interface ClaimedMessage {
  id: string;
  kind: OutboxKind;
  target: string;
  payload: unknown;
  idempotencyKey: string;
  event: string | null;
  appId: string | null;
  webhookId: string | null;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  createdAt: Date;
  /** The subscription's signing secret and switch, read in the claim (null: no subscription or it is gone). */
  webhook: { secret: string; enabled: boolean } | null;
}

/**
 * Claims up to `limit` due messages (oldest due first) for `leaseMs`: each gets its attempt counted and
 * is hidden from other claimers until the lease ends. One statement, so it needs no transaction.
 */
export async function claimOutbox(
  db: Db,
  options: { limit: number; leaseMs: number; kinds?: readonly OutboxKind[] },
): Promise<ClaimedMessage[]> {
  const kinds = options.kinds ?? ["webhook", "email"];
  const { rows } = await sql<{
    id: string;
    kind: OutboxKind;
    target: string;
    payload: unknown;
    idempotency_key: string;
    event: string | null;
    app_id: string | null;
    webhook_id: string | null;
    attempts: number;
    max_attempts: number;
    created_at: Date;
    secret: string | null;
    enabled: boolean | null;
  }>`
    UPDATE outbox o SET attempts = o.attempts + 1,
      available_at = now() + make_interval(secs => ${options.leaseMs / 1000})
    FROM (SELECT id FROM outbox
          WHERE status = 'pending' AND available_at <= now() AND kind = ANY(${kinds as string[]}::text[])
          ORDER BY available_at LIMIT ${options.limit}
          FOR UPDATE SKIP LOCKED) due
    WHERE o.id = due.id
    RETURNING o.id, o.kind, o.target, o.payload, o.idempotency_key, o.event, o.app_id, o.webhook_id,
      o.attempts, o.max_attempts, o.created_at,
      (SELECT w.secret FROM webhooks w WHERE w.id = o.webhook_id) AS secret,
      (SELECT w.enabled FROM webhooks w WHERE w.id = o.webhook_id) AS enabled`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    target: r.target,
    payload: r.payload,
    idempotencyKey: r.idempotency_key,
    event: r.event,
    appId: r.app_id,
    webhookId: r.webhook_id,
    attempt: r.attempts,
    maxAttempts: r.max_attempts,
    createdAt: r.created_at,
    webhook: r.secret === null ? null : { secret: r.secret, enabled: r.enabled ?? false },
  }));
}

export interface AttemptOutcome {
  startedAt: Date;
  durationMs: number;
  statusCode?: number | null;
  error?: string | null;
  responseSnippet?: string | null;
  /** Delivered: the message is done. Otherwise it is retried after `retryInMs`, or dead when null. */
  delivered: boolean;
  retryInMs: number | null;
}

/**
 * Records an attempt of a claimed message and moves it on: delivered, due again after the backoff, or
 * dead. Only the attempt that holds the claim moves it (`attempts` must still be this attempt's number).
 */
export async function recordOutboxAttempt(
  db: Db,
  message: Pick<ClaimedMessage, "id" | "attempt">,
  outcome: AttemptOutcome,
): Promise<OutboxStatus | null> {
  const status: OutboxStatus = outcome.delivered
    ? "delivered"
    : outcome.retryInMs === null
      ? "dead"
      : "pending";
  const { rows } = await sql<{ status: OutboxStatus }>`
    WITH attempt AS (
      INSERT INTO outbox_attempts (outbox_id, attempt, started_at, duration_ms, status_code, error, response_snippet)
      VALUES (${message.id}, ${message.attempt}, ${outcome.startedAt}, ${Math.round(outcome.durationMs)},
        ${outcome.statusCode ?? null}, ${truncate(outcome.error, 2000)}, ${truncate(outcome.responseSnippet, 2000)})
    )
    UPDATE outbox SET status = ${status},
      available_at = CASE WHEN ${status} = 'pending'
        THEN now() + make_interval(secs => ${(outcome.retryInMs ?? 0) / 1000}) ELSE available_at END,
      finished_at = CASE WHEN ${status} = 'pending' THEN NULL ELSE now() END,
      last_status_code = ${outcome.statusCode ?? null},
      last_error = ${truncate(outcome.error, 2000)}
    WHERE id = ${message.id} AND attempts = ${message.attempt} AND status = 'pending'
    RETURNING status`.execute(db);
  return rows[0]?.status ?? null;
}

/**
 * Sends a finished message (delivered or dead) again: due now with a fresh attempt budget; its earlier
 * attempts stay in the log. A pending one is left alone (it may be in flight: sending it twice at once
 * is what the claim prevents).
 */
export async function requeueOutbox(db: Db, id: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    UPDATE outbox SET status = 'pending', available_at = now(), finished_at = NULL,
      max_attempts = attempts + least(max_attempts, 8)
    WHERE id = ${id} AND status <> 'pending'
    RETURNING id`.execute(db);
  return rows.length > 0;
}

/**
 * Milliseconds until the next pending message is due (0 when one is), or null when none is pending
 * (greatest() skips nulls, so the empty case is carried through by the CASE).
 */
export async function msUntilNextOutbox(db: Db): Promise<number | null> {
  const { rows } = await sql<{ ms: number | null }>`
    SELECT (greatest(0, extract(epoch FROM (min(available_at) - now())) * 1000)
            + CASE WHEN min(available_at) IS NULL THEN NULL ELSE 0 END)::float8 AS ms
    FROM outbox WHERE status = 'pending'`.execute(db);
  return rows[0]?.ms ?? null;
}

/** Exponential backoff with jitter: base·2^(attempt-1), capped, then scaled by a random 50–100%. */
export function backoffMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
) {
  const raw = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.5 + random() * 0.5));
}

function truncate(text: string | null | undefined, max: number): string | null {
  if (text === null || text === undefined) return null;
  return text.length > max ? text.slice(0, max) : text;
}
