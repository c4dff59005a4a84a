// Wires the outbox dispatcher for one app: the senders per message kind, started when the app is ready
// and stopped when it closes. Without SMTP there is no email sender: email rows (none are queued unless
// a member opted in, which is offered only with SMTP) wait until one is configured. Decorated as `app.outbox` (routes wake it after enqueueing, tests drain it).
import type { FastifyInstance } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { AddressPolicy } from "../../outbound/address-policy";
import { GuardedClient, type Resolver } from "../../outbound/guarded-request";
import { OutboxDispatcher, type Sender } from "./dispatcher";
import { createSmtpTransport, emailSender } from "./email-sender";
import { webhookSender } from "./webhook-sender";

export interface Outbox {
  dispatcher: OutboxDispatcher;
  client: GuardedClient;
}

export function createOutbox(
  app: FastifyInstance,
  db: Db,
  config: ServerConfig,
  options: { resolve?: Resolver; senders?: Partial<Record<"webhook" | "email", Sender>> } = {},
): Outbox {
  const client = new GuardedClient({
    policy: new AddressPolicy(config.webhooks.allowlist),
    timeoutMs: config.webhooks.timeoutMs,
    maxResponseBytes: config.webhooks.maxResponseBytes,
    maxRedirects: config.webhooks.maxRedirects,
    resolve: options.resolve,
  });
  const transport = config.smtp ? createSmtpTransport(config.smtp) : null;
  const email = transport && config.smtp ? { email: emailSender(db, transport, config.smtp) } : {};
  const dispatcher = new OutboxDispatcher(
    db,
    { webhook: webhookSender(client), ...email, ...options.senders },
    app.log,
    config.outbox,
  );
  if (config.outbox.enabled) app.addHook("onReady", async () => dispatcher.start());
  app.addHook("onClose", async () => {
    await dispatcher.stop();
    client.close();
    transport?.close();
  });
  const outbox = { dispatcher, client };
  app.decorate("outbox", outbox);
  return outbox;
}

declare module "fastify" {
  interface FastifyInstance {
    outbox: Outbox;
  }
}
