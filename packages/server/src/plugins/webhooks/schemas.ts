import { WEBHOOK_EVENTS } from "@formwork/schema";
import { idParamsSchema, uuidSchema } from "../../http/common-schemas";

export const appParams = idParamsSchema("app");
export const webhookParams = idParamsSchema("app", "webhook");
export const deliveryParams = idParamsSchema("app", "webhook", "delivery");

const name = { type: "string", minLength: 1, maxLength: 200, pattern: "\\S" } as const;
const url = { type: "string", minLength: 1, maxLength: 2000, pattern: "^[hH][tT][tT][pP][sS]?://" } as const;
const events = {
  type: "array",
  minItems: 1,
  maxItems: WEBHOOK_EVENTS.length,
  uniqueItems: true,
  items: { type: "string", enum: WEBHOOK_EVENTS },
} as const;
const formIds = { type: "array", maxItems: 200, uniqueItems: true, items: uuidSchema } as const;

export const createBody = {
  type: "object",
  required: ["name", "url", "events"],
  additionalProperties: false,
  properties: { name, url, events, formIds, enabled: { type: "boolean" } },
} as const;

export const updateBody = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: { name, url, events, formIds, enabled: { type: "boolean" } },
} as const;

const webhookProperties = {
  id: { type: "string" },
  appId: { type: "string" },
  name: { type: "string" },
  url: { type: "string" },
  events: { type: "array", items: { type: "string" } },
  formIds: { type: "array", items: { type: "string" } },
  enabled: { type: "boolean" },
  secretHint: { type: "string" },
  createdAt: { type: "string" },
  updatedAt: { type: "string" },
} as const;

/** A subscription as listed: never its secret. */
export const webhookSchema = {
  type: "object",
  required: Object.keys(webhookProperties),
  properties: webhookProperties,
} as const;

/** On create and rotation only: the secret, shown this once. */
export const webhookWithSecretSchema = {
  type: "object",
  required: [...Object.keys(webhookProperties), "secret"],
  properties: { ...webhookProperties, secret: { type: "string" } },
} as const;

export const listSchema = {
  type: "object",
  required: ["webhooks", "events"],
  properties: {
    webhooks: { type: "array", items: webhookSchema },
    events: { type: "array", items: { type: "string" } },
  },
} as const;

const deliveryProperties = {
  id: { type: "string" },
  event: { type: ["string", "null"] },
  idempotencyKey: { type: "string" },
  status: { type: "string", enum: ["pending", "delivered", "dead"] },
  attempts: { type: "integer" },
  maxAttempts: { type: "integer" },
  lastStatusCode: { type: ["integer", "null"] },
  lastError: { type: ["string", "null"] },
  createdAt: { type: "string" },
  nextAttemptAt: { type: ["string", "null"] },
  finishedAt: { type: ["string", "null"] },
} as const;

export const deliveryPageQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    cursor: { type: "string", maxLength: 200 },
    limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const deliveryPageSchema = {
  type: "object",
  required: ["deliveries", "nextCursor"],
  properties: {
    deliveries: {
      type: "array",
      items: { type: "object", required: Object.keys(deliveryProperties), properties: deliveryProperties },
    },
    nextCursor: { type: ["string", "null"] },
  },
} as const;

export const deliveryDetailSchema = {
  type: "object",
  required: [...Object.keys(deliveryProperties), "payload", "attemptLog"],
  properties: {
    ...deliveryProperties,
    payload: {},
    attemptLog: {
      type: "array",
      items: {
        type: "object",
        properties: {
          attempt: { type: "integer" },
          startedAt: { type: "string" },
          durationMs: { type: "integer" },
          statusCode: { type: ["integer", "null"] },
          error: { type: ["string", "null"] },
          responseSnippet: { type: ["string", "null"] },
        },
      },
    },
  },
} as const;

export const queuedSchema = {
  type: "object",
  required: ["deliveryId"],
  properties: { deliveryId: { type: "string" } },
} as const;
