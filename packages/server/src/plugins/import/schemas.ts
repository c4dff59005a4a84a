import { idParamsSchema } from "../../http/common-schemas";

export const formParams = idParamsSchema("form");
export const jobParams = idParamsSchema("form", "job");

const uuid = { type: "string", format: "uuid" } as const;

const mapping = {
  type: "array",
  maxItems: 500,
  items: {
    type: "object",
    required: ["column", "fieldId"],
    additionalProperties: false,
    properties: {
      column: { type: "integer", minimum: 0, maximum: 10_000 },
      fieldId: { type: "string", minLength: 1, maxLength: 100 },
    },
  },
} as const;

const choice = {
  fileId: uuid,
  encoding: { type: "string", enum: ["utf-8", "gb18030"] },
  mapping,
  mode: { type: "string", enum: ["insert", "update", "upsert"] },
  keyField: { type: "string", minLength: 1, maxLength: 100 },
} as const;

export const previewBody = {
  type: "object",
  required: ["fileId"],
  additionalProperties: false,
  properties: choice,
} as const;

export const startBody = {
  type: "object",
  required: ["fileId", "mapping", "mode"],
  additionalProperties: false,
  properties: { ...choice, skipBadRows: { type: "boolean", default: false } },
} as const;

const rowError = {
  type: "object",
  properties: { column: { type: "string" }, message: { type: "string" } },
} as const;

const previewRow = {
  type: "object",
  properties: {
    row: { type: "integer" },
    cells: { type: "array", items: { type: "string" } },
    errors: { type: "array", items: rowError },
  },
} as const;

export const previewResponse = {
  type: "object",
  properties: {
    file: {
      type: "object",
      properties: { id: { type: "string" }, name: { type: "string" }, kind: { type: "string" } },
    },
    encoding: { type: "string" },
    detectedEncoding: { type: "string" },
    headers: { type: "array", items: { type: "string" } },
    fields: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          label: { type: "string" },
          type: { type: "string" },
          required: { type: "boolean" },
          key: { type: "boolean" },
        },
      },
    },
    mapping,
    mode: { type: "string" },
    keyField: { type: ["string", "null"] },
    preview: {
      type: ["object", "null"],
      properties: {
        totalRows: { type: "integer" },
        errorRowCount: { type: "integer" },
        sample: { type: "array", items: previewRow },
        errorRows: { type: "array", items: previewRow },
      },
    },
  },
} as const;

export const jobResponse = {
  type: "object",
  properties: {
    id: { type: "string" },
    formId: { type: "string" },
    status: { type: "string", enum: ["queued", "running", "succeeded", "failed", "cancelled"] },
    fileName: { type: "string" },
    mode: { type: "string" },
    skipBadRows: { type: "boolean" },
    processed: { type: "integer" },
    total: { type: "integer" },
    inserted: { type: "integer" },
    updated: { type: "integer" },
    rejected: { type: "integer" },
    error: {
      type: ["object", "null"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: { type: "array" } },
    },
    createdAt: { type: "string" },
    finishedAt: { type: ["string", "null"] },
  },
} as const;
