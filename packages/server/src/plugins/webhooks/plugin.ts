// Webhook subscriptions per app (issue 7), for app admins: list, create (the secret is in that response
// only), change, delete, rotate the secret, send a test ("ping"), read the delivery log with each
// attempt, and redeliver. Events reach subscriptions through the records events hook (listener.ts) and
// leave through the outbox.
import {
  deleteWebhook,
  enqueueOutbox,
  getDelivery,
  getWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  requeueOutbox,
  type StoredWebhook,
  updateWebhook,
  type WebhookChanges,
} from "@formwork/db";
import { FormworkError, WEBHOOK_EVENTS, type WebhookInput, type WebhookSubscription } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { AddressPolicy } from "../../outbound/address-policy";
import { currentUser } from "../auth/authenticate";
import type { OutboxDispatcher } from "../outbox/dispatcher";
import type { RecordEventHub } from "../records/events";
import type { PublishedForms } from "../records/published-forms";
import { listenForWebhookEvents } from "./listener";
import {
  appParams,
  createBody,
  deliveryDetailSchema,
  deliveryPageQuery,
  deliveryPageSchema,
  deliveryParams,
  listSchema,
  queuedSchema,
  updateBody,
  webhookParams,
  webhookSchema,
  webhookWithSecretSchema,
} from "./schemas";
import { newWebhookSecret } from "./secret";
import { WebhookSubscriptions } from "./subscriptions";

export interface WebhooksPluginOptions {
  db: Db;
  config: ServerConfig;
  events: RecordEventHub;
  forms: PublishedForms;
  dispatcher: OutboxDispatcher;
}

type AppParams = { Params: { app: string } };
type HookParams = { Params: { app: string; webhook: string } };
type DeliveryParams = { Params: { app: string; webhook: string; delivery: string } };

export const webhooksPlugin: FastifyPluginAsync<WebhooksPluginOptions> = async (
  app,
  { db, config, events, forms, dispatcher },
) => {
  const subscriptions = new WebhookSubscriptions();
  const policy = new AddressPolicy(config.webhooks.allowlist);
  listenForWebhookEvents({ events, subscriptions, forms, maxAttempts: config.webhooks.maxAttempts });
  const tags = ["webhooks"];
  const admin = { auth: "appAdmin" as const };

  app.get<AppParams>(
    "/api/apps/:app/webhooks",
    { config: admin, schema: { tags, params: appParams, response: { 200: listSchema } } },
    async (request) => ({
      webhooks: (await listWebhooks(db, request.params.app)).map(withoutSecret),
      events: WEBHOOK_EVENTS,
    }),
  );

  app.post<AppParams & { Body: WebhookInput }>(
    "/api/apps/:app/webhooks",
    {
      config: admin,
      schema: { tags, params: appParams, body: createBody, response: { 201: webhookWithSecretSchema } },
    },
    async (request, reply) => {
      const { app: appId } = request.params;
      await checkInput(db, policy, appId, request.body);
      const created = await insertWebhook(db, {
        ...request.body,
        appId,
        secret: newWebhookSecret(),
        createdBy: currentUser(request).userId,
      });
      subscriptions.forget(appId);
      return reply.status(201).send(created);
    },
  );

  app.patch<HookParams & { Body: Partial<WebhookInput> }>(
    "/api/apps/:app/webhooks/:webhook",
    {
      config: admin,
      schema: { tags, params: webhookParams, body: updateBody, response: { 200: webhookSchema } },
    },
    async (request) => {
      const { app: appId, webhook } = request.params;
      await checkInput(db, policy, appId, request.body);
      const updated = await updateWebhook(db, appId, webhook, request.body as WebhookChanges);
      subscriptions.forget(appId);
      return withoutSecret(updated);
    },
  );

  app.delete<HookParams>(
    "/api/apps/:app/webhooks/:webhook",
    { config: admin, schema: { tags, params: webhookParams } },
    async (request, reply) => {
      await deleteWebhook(db, request.params.app, request.params.webhook);
      subscriptions.forget(request.params.app);
      return reply.status(204).send();
    },
  );

  // The old secret stops signing at once: deliveries still queued are signed with the new one.
  app.post<HookParams>(
    "/api/apps/:app/webhooks/:webhook/rotate-secret",
    { config: admin, schema: { tags, params: webhookParams, response: { 200: webhookWithSecretSchema } } },
    async (request) =>
      updateWebhook(db, request.params.app, request.params.webhook, { secret: newWebhookSecret() }),
  );

  app.post<HookParams>(
    "/api/apps/:app/webhooks/:webhook/test",
    { config: admin, schema: { tags, params: webhookParams, response: { 202: queuedSchema } } },
    async (request, reply) => {
      const hook = await getWebhook(db, request.params.app, request.params.webhook);
      const now = new Date();
      const id = await enqueueOutbox(db, {
        kind: "webhook",
        target: hook.url,
        payload: {
          event: "ping",
          occurredAt: now.toISOString(),
          app: { id: hook.appId },
          webhook: { id: hook.id },
        },
        idempotencyKey: `${hook.id}:ping:${now.getTime()}:${Math.random().toString(36).slice(2)}`,
        event: "ping",
        appId: hook.appId,
        webhookId: hook.id,
        maxAttempts: 1,
      });
      dispatcher.wake();
      return reply.status(202).send({ deliveryId: id });
    },
  );

  app.get<HookParams & { Querystring: { cursor?: string; limit: number } }>(
    "/api/apps/:app/webhooks/:webhook/deliveries",
    {
      config: admin,
      schema: {
        tags,
        params: webhookParams,
        querystring: deliveryPageQuery,
        response: { 200: deliveryPageSchema },
      },
    },
    async (request) => {
      const hook = await getWebhook(db, request.params.app, request.params.webhook);
      return listDeliveries(db, hook.id, request.query);
    },
  );

  app.get<DeliveryParams>(
    "/api/apps/:app/webhooks/:webhook/deliveries/:delivery",
    { config: admin, schema: { tags, params: deliveryParams, response: { 200: deliveryDetailSchema } } },
    async (request) => {
      const hook = await getWebhook(db, request.params.app, request.params.webhook);
      return getDelivery(db, hook.id, request.params.delivery);
    },
  );

  app.post<DeliveryParams>(
    "/api/apps/:app/webhooks/:webhook/deliveries/:delivery/redeliver",
    { config: admin, schema: { tags, params: deliveryParams, response: { 202: queuedSchema } } },
    async (request, reply) => {
      const hook = await getWebhook(db, request.params.app, request.params.webhook);
      const delivery = await getDelivery(db, hook.id, request.params.delivery);
      if (!(await requeueOutbox(db, delivery.id))) {
        throw new FormworkError("CONFLICT", "The delivery is still being attempted", [
          { path: "/delivery", message: "pending" },
        ]);
      }
      dispatcher.wake();
      return reply.status(202).send({ deliveryId: delivery.id });
    },
  );
};

function withoutSecret(hook: StoredWebhook): WebhookSubscription {
  const { secret: _secret, ...rest } = hook;
  return rest;
}

/** The URL must be one the SSRF guard could ever call, and every form must belong to the app. */
async function checkInput(db: Db, policy: AddressPolicy, appId: string, input: Partial<WebhookInput>) {
  if (input.url !== undefined) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(input.url);
    } catch {
      throw new FormworkError("VALIDATION_FAILED", "Not a URL", [{ path: "/url", message: "not a URL" }]);
    }
    const refusal =
      parsed.username || parsed.password ? "credentials in the URL" : policy.refuseName(parsed.hostname);
    if (refusal) {
      throw new FormworkError("VALIDATION_FAILED", "Webhooks may not call this address", [
        { path: "/url", message: refusal, code: "URL_BLOCKED" },
      ]);
    }
  }
  if (input.formIds?.length) {
    const found = await db
      .selectFrom("forms")
      .select("id")
      .where("app_id", "=", appId)
      .where("id", "in", input.formIds)
      .execute();
    const known = new Set(found.map((f) => f.id));
    const bad = input.formIds.findIndex((id) => !known.has(id));
    if (bad >= 0) {
      throw new FormworkError("NOT_FOUND", "No such form in this app", [
        { path: `/formIds/${bad}`, message: "not found" },
      ]);
    }
  }
}
