// Webhook subscriptions and their delivery log (issue 7), shared by the server and the typed client.

export const WEBHOOK_EVENTS = [
  "record.created",
  "record.updated",
  "record.deleted",
  "flow.started",
  "flow.approved",
  "flow.rejected",
  "flow.ended",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookSubscription {
  id: string;
  appId: string;
  name: string;
  url: string;
  events: WebhookEvent[];
  /** Forms whose events are sent; empty: every form of the app. */
  formIds: string[];
  enabled: boolean;
  /** The secret's last characters, to tell secrets apart; the secret itself is shown once. */
  secretHint: string;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookInput {
  name: string;
  url: string;
  events: WebhookEvent[];
  formIds?: string[];
  enabled?: boolean;
}

export type DeliveryStatus = "pending" | "delivered" | "dead";

export interface WebhookDelivery {
  id: string;
  /** record.created … or "ping" for a test delivery. */
  event: string | null;
  idempotencyKey: string;
  status: DeliveryStatus;
  attempts: number;
  maxAttempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  /** When the next attempt is due (pending only). */
  nextAttemptAt: string | null;
  finishedAt: string | null;
}

export interface WebhookDeliveryAttempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseSnippet: string | null;
}

export interface WebhookDeliveryDetail extends WebhookDelivery {
  payload: unknown;
  attemptLog: WebhookDeliveryAttempt[];
}
