// Turns record and flow changes into outbox messages, inside the writing transaction: a rolled-back
// write sends nothing, a committed one is sent at least once. One message per matching subscription;
// its idempotency key names the subscription, the event and the record's version (or the flow step),
// so receivers can drop repeats and the key is the same on every retry.
import { enqueueOutboxMany, type OutboxMessage } from "@formwork/db";
import type { WebhookEvent } from "@formwork/schema";
import type { Db } from "../../database";
import type { FlowChange, RecordChange, RecordEventHub } from "../records/events";
import type { PublishedForms } from "../records/published-forms";
import { flowPayload, recordPayload, type WebhookPayload } from "./payload";
import type { WebhookSubscriptions } from "./subscriptions";

const RECORD_EVENTS: Partial<Record<RecordChange["kind"], WebhookEvent>> = {
  created: "record.created",
  updated: "record.updated",
  deleted: "record.deleted",
};
const FLOW_EVENTS: Partial<Record<FlowChange["kind"], WebhookEvent>> = {
  started: "flow.started",
  approved: "flow.approved",
  rejected: "flow.rejected",
  ended: "flow.ended",
};

export interface WebhookListenerDeps {
  events: RecordEventHub;
  subscriptions: WebhookSubscriptions;
  forms: PublishedForms;
  maxAttempts: number;
}

export function listenForWebhookEvents(deps: WebhookListenerDeps): void {
  const { events, subscriptions, forms } = deps;

  // The predicate runs before the write, maybe inside a caller's transaction: it looks up with the
  // handle it is given (on PGlite a query on the root handle would wait for that transaction). Given
  // none, it answers from memory only; what it does not know yet counts as interested, and the listener
  // (which has the transaction) learns it. It used to answer from memory always, so every create in
  // flight when the cache expired took the transactional path (and an automated one ran its
  // automation there too: about 7% of the bench's automated submissions).
  const appOfForm = new Map<string, string>();
  events.listensTo(async (formId, db) => {
    if (db) return subscriptions.anyFor(db, await forms.appIdOf(formId, db), formId);
    const appId = appOfForm.get(formId);
    return appId === undefined ? true : (subscriptions.cachedAnyFor(appId, formId) ?? true);
  });

  // No after-commit wake-up: registering an after-commit listener would cost every fast create its
  // records; the dispatchers' polls (config outbox.pollMs) pick the messages up.
  const enqueue = (tx: Db, messages: OutboxMessage[]) => enqueueOutboxMany(tx, messages);

  const learn = (change: { formId: string; appId: string }) => {
    if (appOfForm.size >= 10_000) appOfForm.clear();
    appOfForm.set(change.formId, change.appId);
  };

  events.onRecordChange(async (tx, change) => {
    learn(change);
    const event = RECORD_EVENTS[change.kind];
    if (!event) return;
    const hooks = await subscriptions.matching(tx, change.appId, change.formId, event);
    if (hooks.length === 0) return;
    const payload = recordPayload(event, change, new Date());
    const step = `${change.record.id}:${change.record.version}`;
    await enqueue(
      tx,
      hooks.map((hook) => message(hook, event, `${hook.id}:${event}:${step}`, payload, change.appId, deps)),
    );
  });

  events.onFlowChange(async (tx, change) => {
    learn(change);
    const event = FLOW_EVENTS[change.kind];
    if (!event) return;
    const hooks = await subscriptions.matching(tx, change.appId, change.formId, event);
    if (hooks.length === 0) return;
    const form = await forms.get(change.formId, tx).catch(() => null);
    const payload = flowPayload(event, change, form, new Date());
    const step = `${change.instanceId}:${change.taskId ?? ""}`;
    await enqueue(
      tx,
      hooks.map((hook) => message(hook, event, `${hook.id}:${event}:${step}`, payload, change.appId, deps)),
    );
  });
}

function message(
  hook: { id: string; url: string },
  event: WebhookEvent,
  key: string,
  payload: WebhookPayload,
  appId: string,
  deps: WebhookListenerDeps,
): OutboxMessage {
  return {
    kind: "webhook",
    target: hook.url,
    payload,
    idempotencyKey: key,
    event,
    appId,
    webhookId: hook.id,
    maxAttempts: deps.maxAttempts,
  };
}
