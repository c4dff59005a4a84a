// Webhook subscriptions per app and their delivery log (the outbox rows tied to a subscription). Every
// query is keyed by the app (and the subscription), so an id from another app finds nothing. Paging is
// keyset on (created_at, id), newest first.
import type {
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookDeliveryDetail,
  WebhookEvent,
  WebhookSubscription,
} from "@formwork/schema";
import { type Selectable, sql } from "kysely";
import { newId } from "../ids";
import { type Db, notFound } from "../org/shared";
import type { OutboxTable, WebhooksTable } from "./tables";

export interface StoredWebhook extends WebhookSubscription {
  secret: string;
}

function toView(row: Selectable<WebhooksTable>): StoredWebhook {
  return {
    id: row.id,
    appId: row.app_id,
    name: row.name,
    url: row.url,
    events: row.events as WebhookEvent[],
    formIds: row.form_ids,
    enabled: row.enabled,
    secret: row.secret,
    secretHint: row.secret.slice(-4),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listWebhooks(db: Db, appId: string): Promise<StoredWebhook[]> {
  const rows = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("app_id", "=", appId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toView);
}

/** The app's enabled subscriptions (what the event listener matches changes against). */
export async function enabledWebhooks(db: Db, appId: string): Promise<StoredWebhook[]> {
  const rows = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("app_id", "=", appId)
    .where("enabled", "=", true)
    .execute();
  return rows.map(toView);
}

export async function getWebhook(db: Db, appId: string, id: string): Promise<StoredWebhook> {
  const row = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("app_id", "=", appId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("webhook");
  return toView(row);
}

export interface NewWebhook {
  appId: string;
  name: string;
  url: string;
  secret: string;
  events: readonly string[];
  formIds?: readonly string[];
  enabled?: boolean;
  createdBy: string | null;
}

export async function insertWebhook(db: Db, input: NewWebhook): Promise<StoredWebhook> {
  const row = await db
    .insertInto("webhooks")
    .values({
      id: newId(),
      app_id: input.appId,
      name: input.name,
      url: input.url,
      secret: input.secret,
      events: [...input.events],
      form_ids: [...(input.formIds ?? [])],
      enabled: input.enabled ?? true,
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toView(row);
}

export interface WebhookChanges {
  name?: string;
  url?: string;
  events?: readonly string[];
  formIds?: readonly string[];
  enabled?: boolean;
  secret?: string;
}

export async function updateWebhook(db: Db, appId: string, id: string, changes: WebhookChanges) {
  const row = await db
    .updateTable("webhooks")
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.url === undefined ? {} : { url: changes.url }),
      ...(changes.events === undefined ? {} : { events: [...changes.events] }),
      ...(changes.formIds === undefined ? {} : { form_ids: [...changes.formIds] }),
      ...(changes.enabled === undefined ? {} : { enabled: changes.enabled }),
      ...(changes.secret === undefined ? {} : { secret: changes.secret }),
      updated_at: sql<Date>`now()`,
    })
    .where("app_id", "=", appId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound("webhook");
  return toView(row);
}

/** Deletes the subscription; its pending deliveries and log go with it (cascade). */
export async function deleteWebhook(db: Db, appId: string, id: string): Promise<void> {
  const result = await db
    .deleteFrom("webhooks")
    .where("app_id", "=", appId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound("webhook");
}

function toDelivery(row: Selectable<OutboxTable>): WebhookDelivery {
  return {
    id: row.id,
    event: row.event,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    nextAttemptAt: row.status === "pending" ? row.available_at.toISOString() : null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** A subscription's deliveries, newest first; `cursor` from nextCursor. */
export async function listDeliveries(
  db: Db,
  webhookId: string,
  options: { cursor?: string | null; limit?: number } = {},
): Promise<{ deliveries: WebhookDelivery[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  let query = db
    .selectFrom("outbox")
    .selectAll()
    .where("webhook_id", "=", webhookId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  const cursor = decodeCursor(options.cursor);
  if (cursor) {
    query = query.where(sql<boolean>`(created_at, id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(toDelivery),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString("base64url")
        : null,
  };
}

export async function getDelivery(db: Db, webhookId: string, id: string): Promise<WebhookDeliveryDetail> {
  const row = await db
    .selectFrom("outbox")
    .selectAll()
    .where("webhook_id", "=", webhookId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("delivery");
  const attempts = await db
    .selectFrom("outbox_attempts")
    .selectAll()
    .where("outbox_id", "=", id)
    .orderBy("id")
    .execute();
  return {
    ...toDelivery(row),
    payload: row.payload,
    attemptLog: attempts.map(
      (a): WebhookDeliveryAttempt => ({
        attempt: a.attempt,
        startedAt: a.started_at.toISOString(),
        durationMs: a.duration_ms,
        statusCode: a.status_code,
        error: a.error,
        responseSnippet: a.response_snippet,
      }),
    ),
  };
}

function decodeCursor(cursor: string | null | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    if (typeof at !== "string" || Number.isNaN(Date.parse(at)) || typeof id !== "string") return null;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}
