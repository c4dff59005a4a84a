// Webhook subscriptions of an app and their delivery log (issue 7): /api/apps/:app/webhooks (app admins).
import type {
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEvent,
  WebhookInput,
  WebhookSubscription,
} from "@formwork/schema";
import { path, type Send } from "./transport";

export type { WebhookDelivery, WebhookDeliveryDetail, WebhookEvent, WebhookInput, WebhookSubscription };

/** On create and rotation only: the signing secret, shown this once. */
export type WebhookWithSecret = WebhookSubscription & { secret: string };

export function webhooksApi(send: Send) {
  const base = (appId: string) => path`/api/apps/${appId}/webhooks`;
  const one = (appId: string, id: string) => path`/api/apps/${appId}/webhooks/${id}`;
  return {
    list: (appId: string) =>
      send<{ webhooks: WebhookSubscription[]; events: WebhookEvent[] }>({ method: "GET", path: base(appId) }),
    create: (appId: string, input: WebhookInput) =>
      send<WebhookWithSecret>({ method: "POST", path: base(appId), body: input }),
    update: (appId: string, id: string, changes: Partial<WebhookInput>) =>
      send<WebhookSubscription>({ method: "PATCH", path: one(appId, id), body: changes }),
    remove: (appId: string, id: string) => send<void>({ method: "DELETE", path: one(appId, id) }),
    rotateSecret: (appId: string, id: string) =>
      send<WebhookWithSecret>({ method: "POST", path: `${one(appId, id)}/rotate-secret` }),
    sendTest: (appId: string, id: string) =>
      send<{ deliveryId: string }>({ method: "POST", path: `${one(appId, id)}/test` }),
    deliveries: (appId: string, id: string, query: { cursor?: string; limit?: number } = {}) =>
      send<{ deliveries: WebhookDelivery[]; nextCursor: string | null }>({
        method: "GET",
        path: `${one(appId, id)}/deliveries`,
        query,
      }),
    delivery: (appId: string, id: string, deliveryId: string) =>
      send<WebhookDeliveryDetail>({
        method: "GET",
        path: `${one(appId, id)}/deliveries/${encodeURIComponent(deliveryId)}`,
      }),
    redeliver: (appId: string, id: string, deliveryId: string) =>
      send<{ deliveryId: string }>({
        method: "POST",
        path: `${one(appId, id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
      }),
  };
}
