import { idParamsSchema, uuidSchema } from "../../http/common-schemas";

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

/** A bulk edit: the same values on the listed records, or on every record a filter matches. */
export const bulkPatchBody = {
  type: "object",
  required: ["data"],
  additionalProperties: false,
  oneOf: [{ required: ["ids"] }, { required: ["filter"] }],
  properties: {
    ids: { type: "array", minItems: 1, maxItems: MAX_BATCH, items: uuidSchema },
    filter: { description: "json-logic over field ids, as for the records list" },
    data: { type: "object", minProperties: 1, description: "field id → value, set on every record" },
  },
} as const;

const errorSchema = {
  type: "object",
  properties: {
    code: { type: "string" },
    message: { type: "string" },
    details: { type: "array", items: { type: "object", additionalProperties: true } },
  },
} as const;

export const bulkPatchResponse = {
  type: "object",
  properties: {
    updated: {
      type: "array",
      items: { type: "object", properties: { id: { type: "string" }, version: { type: "integer" } } },
    },
    failed: {
      type: "array",
      items: {
        type: "object",
        properties: { id: { type: "string" }, status: { type: "integer" }, error: errorSchema },
      },
    },
  },
} as const;

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
