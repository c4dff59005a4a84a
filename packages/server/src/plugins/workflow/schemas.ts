// JSON Schemas of the workflow routes (validation and the OpenAPI document). Task ids are the engine's
// ("<instance uuid>:t<n>"), not UUIDs.
import { errorResponseSchema, idParamsSchema, uuidSchema } from "../../http/common-schemas";

export const taskIdSchema = {
  type: "string",
  minLength: 1,
  maxLength: 200,
  pattern: "^[0-9a-fA-F-]{36}:[A-Za-z0-9:_-]+$",
} as const;

export const taskParams = {
  type: "object",
  required: ["task"],
  properties: { task: taskIdSchema },
} as const;
export const instanceParams = idParamsSchema("id");
export const recordFlowParams = idParamsSchema("form", "id");

const idempotencyHeaders = {
  type: "object",
  properties: {
    "idempotency-key": { type: "string", description: "a retry with the same key replays the first answer" },
  },
} as const;

export { idempotencyHeaders };

export const inboxQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    box: { type: "string", enum: ["todo", "done", "initiated", "cc"], default: "todo" },
    q: { type: "string", maxLength: 200, description: "search: title, form name, initiator name" },
    form: uuidSchema,
    limit: { type: "integer", minimum: 1, maximum: 200, default: 20 },
    cursor: { type: "string", maxLength: 4096 },
  },
} as const;

const localized = { description: 'a string or {"zh-CN": "...", "en": "..."}' } as const;
const person = {
  type: ["object", "null"],
  properties: { id: { type: "string" }, name: { type: "string" } },
} as const;
const nullableString = { type: ["string", "null"] } as const;

const counts = {
  type: "object",
  properties: {
    todo: { type: "integer" },
    done: { type: "integer" },
    initiated: { type: "integer" },
    cc: { type: "integer" },
    ccUnread: { type: "integer" },
  },
} as const;

export const inboxResponse = {
  type: "object",
  properties: {
    items: {
      type: "array",
      items: {
        type: "object",
        properties: {
          taskId: nullableString,
          instanceId: { type: "string" },
          formId: { type: "string" },
          formName: localized,
          appId: { type: "string" },
          recordId: { type: "string" },
          title: { type: "string" },
          nodes: {
            type: "array",
            items: {
              type: "object",
              properties: { id: { type: "string" }, type: { type: "string" }, name: localized },
            },
          },
          taskStatus: nullableString,
          action: nullableString,
          instanceStatus: { type: "string" },
          initiator: person,
          startedAt: { type: "string" },
          createdAt: { type: "string" },
          completedAt: nullableString,
          dueAt: nullableString,
          readAt: nullableString,
        },
      },
    },
    counts,
    nextCursor: nullableString,
  },
} as const;

const signature = {
  type: "object",
  required: ["fileId"],
  additionalProperties: false,
  properties: { fileId: uuidSchema },
} as const;

const comment = { type: "string", maxLength: 2000 } as const;

export const actionBody = {
  type: "object",
  required: ["action"],
  additionalProperties: false,
  properties: {
    action: { type: "string", enum: ["approve", "submit", "reject", "return", "transfer", "addSigner"] },
    comment,
    signature,
    fieldEdits: { type: "object", description: "field id → new value; only the node's editable fields" },
    target: { type: "string", maxLength: 200, description: "return: the node id to return to" },
    users: {
      type: "array",
      minItems: 1,
      maxItems: 50,
      items: uuidSchema,
      description: "transfer: [the new assignee]; addSigner: the signers to add",
    },
    position: { type: "string", enum: ["before", "after", "parallel"], description: "addSigner" },
  },
} as const;

export const actionResponse = {
  type: "object",
  properties: {
    taskId: { type: "string" },
    action: { type: "string" },
    instanceId: { type: "string" },
    status: { type: "string", description: "the instance's status after the action" },
    revision: { type: "integer" },
  },
} as const;

export const MAX_BATCH_TASKS = 100;

export const batchBody = {
  type: "object",
  required: ["tasks", "action"],
  additionalProperties: false,
  properties: {
    tasks: { type: "array", minItems: 1, maxItems: MAX_BATCH_TASKS, uniqueItems: true, items: taskIdSchema },
    action: { type: "string", enum: ["approve", "submit"] },
    comment,
    signature,
  },
} as const;

export const batchResponse = {
  type: "object",
  properties: {
    results: {
      type: "array",
      items: {
        type: "object",
        properties: {
          taskId: { type: "string" },
          ok: { type: "boolean" },
          status: { type: "integer", description: "the HTTP status this item alone would have had" },
          instanceStatus: { type: "string" },
          error: errorResponseSchema.properties.error,
        },
      },
    },
  },
} as const;

export const instanceActionBody = {
  type: "object",
  required: ["action"],
  additionalProperties: false,
  properties: {
    action: { type: "string", enum: ["withdraw", "urge"] },
    comment,
  },
} as const;

export const adminBody = {
  type: "object",
  required: ["action"],
  additionalProperties: false,
  properties: {
    action: { type: "string", enum: ["changeAssignee", "end", "reactivate"] },
    task: { ...taskIdSchema, description: "changeAssignee: the pending task" },
    user: { ...uuidSchema, description: "changeAssignee: the new assignee" },
    target: { type: "string", maxLength: 200, description: "reactivate: the node to resume at" },
    comment,
  },
} as const;

export const commandResponse = {
  type: "object",
  properties: {
    instanceId: { type: "string" },
    status: { type: "string" },
    revision: { type: "integer" },
  },
} as const;

export const errorResponses = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
} as const;
