// Route schemas of forms. A draft is checked for its outline here (it may be incomplete while being
// designed); the full definition check runs at publish.
import { idParamsSchema } from "../../http/common-schemas";

export const formParams = idParamsSchema("form");
export const appParams = idParamsSchema("app");
export const versionParams = {
  type: "object",
  required: ["form", "version"],
  properties: { ...formParams.properties, version: { type: "integer", minimum: 1 } },
} as const;

const localizedText = {
  anyOf: [
    { type: "string", maxLength: 500 },
    {
      type: "object",
      additionalProperties: false,
      properties: { "zh-CN": { type: "string", maxLength: 500 }, en: { type: "string", maxLength: 500 } },
    },
  ],
} as const;

export const MAX_FIELDS = 500;

export const formDefinitionBody = {
  type: "object",
  required: ["key", "name", "fields"],
  additionalProperties: false,
  properties: {
    key: { type: "string", pattern: "^[a-z][a-z0-9_]*$", maxLength: 50 },
    name: localizedText,
    description: localizedText,
    fields: { type: "array", maxItems: MAX_FIELDS, items: { type: "object", required: ["id", "type"] } },
    validations: { type: "array", maxItems: 200, items: { type: "object" } },
    quotas: { type: "array", maxItems: 20, items: { type: "object" } },
    settings: { type: "object" },
    flow: { type: "object" },
  },
} as const;

const formSummaryProperties = {
  id: { type: "string" },
  appId: { type: "string" },
  key: { type: "string" },
  name: {},
  publishedVersion: { type: "integer" },
  updatedAt: { type: "string" },
} as const;

export const formSummarySchema = { type: "object", properties: formSummaryProperties } as const;

export const formSchema = {
  type: "object",
  properties: {
    ...formSummaryProperties,
    revision: { type: "integer" },
    createdAt: { type: "string" },
    createdBy: { type: ["string", "null"] },
    definition: { type: "object", additionalProperties: true },
  },
} as const;

export const versionsResponse = {
  type: "object",
  properties: {
    versions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          version: { type: "integer" },
          createdAt: { type: "string" },
          createdBy: { type: ["string", "null"] },
        },
      },
    },
  },
} as const;
