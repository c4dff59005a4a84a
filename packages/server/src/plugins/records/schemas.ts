import { idParamsSchema } from "../../http/common-schemas";

export const MAX_BATCH = 1000;

export const formParams = idParamsSchema("form");
export const recordParams = idParamsSchema("form", "id");

/** A record's writable part. Everything else (id, version, owner, timestamps...) is the server's. */
const recordBody = {
  type: "object",
  required: ["data"],
  additionalProperties: false,
  properties: { data: { type: "object", description: "field id → value" } },
} as const;

/** One record, or a batch of up to MAX_BATCH created in one transaction. */
export const createBody = {
  type: ["object", "array"],
  if: { type: "array" },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keywords, not a thenable.
  then: { minItems: 1, maxItems: MAX_BATCH, items: recordBody },
  else: recordBody,
} as const;

export const patchBody = recordBody;

export const recordSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    version: { type: "integer" },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
    createdBy: { type: ["string", "null"] },
    ownerId: { type: ["string", "null"] },
    flowStatus: { type: ["string", "null"] },
    deletedAt: { type: "string" },
    data: { type: "object", additionalProperties: true },
  },
} as const;

export const pageSchema = {
  type: "object",
  properties: {
    records: { type: "array", items: recordSchema },
    count: { type: "object", properties: { value: { type: "integer" }, exact: { type: "boolean" } } },
    nextCursor: { type: ["string", "null"] },
  },
} as const;

export const historySchema = {
  type: "object",
  properties: {
    revisions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          version: { type: "integer" },
          action: { type: "string" },
          actor: { type: ["string", "null"] },
          at: { type: "string" },
          diff: { type: "object", additionalProperties: true },
        },
      },
    },
  },
} as const;

export const deleteQuery = {
  type: "object",
  additionalProperties: false,
  properties: { purge: { type: "boolean", default: false } },
} as const;
