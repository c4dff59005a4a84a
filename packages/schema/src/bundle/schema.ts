// The JSON Schema of a bundle's shell. Forms are checked by the form validator and dashboards and
// automations by their own modules, each under its own pointer, so here they are only objects.
import { APP_COLOUR_PATTERN, APP_ICONS } from "../app-appearance";
import { FIELD_LEVELS, PERMISSION_SET_KINDS, RECORD_ACTIONS } from "../permissions";
import { idSchema, SCHEMA_BASE_URI } from "../schemas/common";
import { LIMITS } from "../schemas/limits";
import { BUNDLE_FORMAT } from "./types";

export const BUNDLE_SCHEMA_ID = `${SCHEMA_BASE_URI}/bundle.json`;
export const TEMPLATE_NAME_PATTERN = "^[a-z][a-z0-9-]{0,63}$";

const text = { $ref: `${SCHEMA_BASE_URI}/localized-text.json` } as const;
const longText = { $ref: `${SCHEMA_BASE_URI}/localized-long-text.json` } as const;
const idList = { type: "array", items: idSchema, maxItems: LIMITS.listItems } as const;
const name = { type: "string", minLength: 1, maxLength: LIMITS.labelLength } as const;

const manifest = {
  type: "object",
  required: ["name", "version", "title", "description", "locales"],
  additionalProperties: false,
  properties: {
    name: { type: "string", pattern: TEMPLATE_NAME_PATTERN },
    version: { type: "string", maxLength: 64 },
    title: text,
    description: longText,
    locales: { type: "array", minItems: 1, uniqueItems: true, items: { enum: ["zh-CN", "en"] } },
    icon: { enum: APP_ICONS },
    colour: { type: "string", pattern: APP_COLOUR_PATTERN },
    screenshots: {
      type: "array",
      maxItems: 20,
      items: { type: "string", pattern: "^[a-zA-Z0-9_-]+(/[a-zA-Z0-9_-]+)*\\.(png|jpg|jpeg|webp)$" },
    },
    categories: { type: "array", maxItems: 10, items: { type: "string", maxLength: 40 } },
  },
} as const;

// `all` (全部成员, every member of the installing company) names no placeholder; the others name one.
const memberRef = {
  type: "object",
  required: ["type"],
  additionalProperties: false,
  properties: {
    type: { enum: ["role", "department", "member", "all"] },
    id: idSchema,
    includeSub: { type: "boolean" },
  },
  anyOf: [
    { properties: { type: { const: "all" }, id: false } },
    { properties: { type: { enum: ["role", "department", "member"] }, id: idSchema }, required: ["id"] },
  ],
} as const;

// A form by key or a dashboard by bundle id; a group holds them (one level, as the app's menu does).
const menuLeafKinds = [
  { properties: { type: { const: "form" }, form: idSchema }, required: ["form"] },
  { properties: { type: { const: "dashboard" }, dashboard: idSchema }, required: ["dashboard"] },
] as const;
const menuLeaf = {
  type: "object",
  required: ["type"],
  additionalProperties: false,
  properties: { type: { enum: ["form", "dashboard"] }, form: idSchema, dashboard: idSchema },
  anyOf: menuLeafKinds,
} as const;
const menuGroup = {
  type: { const: "group" },
  id: { type: "string", pattern: "^[A-Za-z0-9_-]{1,40}$" },
  name: text,
  items: { type: "array", maxItems: 1000, items: menuLeaf },
} as const;
const menuItem = {
  type: "object",
  required: ["type"],
  additionalProperties: false,
  properties: {
    ...menuGroup,
    type: { enum: ["form", "dashboard", "group"] },
    form: idSchema,
    dashboard: idSchema,
  },
  anyOf: [...menuLeafKinds, { properties: menuGroup, required: ["id", "name", "items"] }],
} as const;

const permissionSet = {
  type: "object",
  required: ["id", "form", "name", "kind", "members"],
  additionalProperties: false,
  properties: {
    id: idSchema,
    form: idSchema,
    name,
    kind: { enum: PERMISSION_SET_KINDS },
    actions: { type: "array", uniqueItems: true, items: { enum: RECORD_ACTIONS } },
    fields: { type: "object", propertyNames: idSchema, additionalProperties: { enum: FIELD_LEVELS } },
    rowCondition: { $ref: `${SCHEMA_BASE_URI}/json-logic.json` },
    members: { type: "array", maxItems: LIMITS.assignees, items: memberRef },
  },
} as const;

const view = {
  type: "object",
  required: ["id", "form", "name"],
  additionalProperties: false,
  properties: {
    id: idSchema,
    form: idSchema,
    name,
    filter: { $ref: `${SCHEMA_BASE_URI}/json-logic.json` },
    sort: {
      type: "array",
      maxItems: 10,
      items: {
        type: "object",
        required: ["field", "direction"],
        additionalProperties: false,
        properties: { field: { type: "string", maxLength: 80 }, direction: { enum: ["asc", "desc"] } },
      },
    },
    columns: { type: "array", maxItems: LIMITS.fields, items: idSchema },
    pageSize: { type: "integer", minimum: 1, maximum: 500 },
    shared: { type: "boolean" },
  },
} as const;

const sectionItem = { type: "object", required: ["id"], properties: { id: idSchema } } as const;

const sampleRecord = {
  type: "object",
  required: ["id", "data"],
  additionalProperties: false,
  properties: {
    id: idSchema,
    owner: idSchema,
    data: { type: "object" },
    flowStatus: { enum: ["completed", "rejected"] },
  },
} as const;

export const bundleSchema = {
  $id: BUNDLE_SCHEMA_ID,
  title: "Template bundle",
  type: "object",
  required: ["format", "manifest", "forms"],
  additionalProperties: false,
  properties: {
    format: { const: BUNDLE_FORMAT },
    manifest,
    forms: { type: "array", minItems: 1, maxItems: 200, items: { type: "object" } },
    views: { type: "array", maxItems: 1000, items: view },
    permissionSets: { type: "array", maxItems: 1000, items: permissionSet },
    roles: {
      type: "array",
      maxItems: 200,
      items: {
        type: "object",
        required: ["id", "name"],
        additionalProperties: false,
        properties: { id: idSchema, name: text },
      },
    },
    departments: {
      type: "array",
      maxItems: 200,
      items: {
        type: "object",
        required: ["id", "name"],
        additionalProperties: false,
        properties: { id: idSchema, name: text, parent: idSchema },
      },
    },
    members: {
      type: "array",
      maxItems: 1000,
      items: {
        type: "object",
        required: ["id", "name"],
        additionalProperties: false,
        properties: { id: idSchema, name, departments: idList, heads: idList, roles: idList },
      },
    },
    dashboards: { type: "array", maxItems: 200, items: sectionItem },
    menu: { type: "array", maxItems: 1000, items: menuItem },
    automations: { type: "array", maxItems: 500, items: sectionItem },
    sampleData: {
      type: "object",
      propertyNames: idSchema,
      additionalProperties: { type: "array", maxItems: 20_000, items: sampleRecord },
    },
  },
} as const;
