import { TEMPLATE_NAME_PATTERN } from "@formwork/schema";
import { idParamsSchema } from "../../http/common-schemas";

export const appParams = idParamsSchema("app");

export const templateParams = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name: { type: "string", pattern: TEMPLATE_NAME_PATTERN } },
} as const;

export const screenshotParams = {
  type: "object",
  required: ["name", "*"],
  properties: {
    name: { type: "string", pattern: TEMPLATE_NAME_PATTERN },
    "*": { type: "string", maxLength: 200 },
  },
} as const;

const installOptions = {
  sampleData: { type: "boolean", description: "Write the template's sample data (default true)." },
  members: {
    enum: ["demo", "installer"],
    description:
      "Sample members as disabled demo users who cannot sign in (default), or all as the installer.",
  },
  name: { type: "string", minLength: 1, maxLength: 200, pattern: "\\S", description: "The new app's name." },
  locale: { enum: ["zh-CN", "en"], description: "The locale of the app's name and description." },
} as const;

export const installBody = {
  type: "object",
  additionalProperties: false,
  properties: installOptions,
} as const;

/** Import options travel in the query string: the body is the bundle itself. */
export const importQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    sampleData: { type: "boolean" },
    members: installOptions.members,
    locale: installOptions.locale,
  },
} as const;

export const exportQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    data: { type: "boolean", default: false, description: "Include every live record as sample data." },
  },
} as const;

export const installResultSchema = {
  type: "object",
  properties: {
    app: { type: "object", additionalProperties: true },
    template: { type: "object", properties: { name: { type: "string" }, version: { type: "string" } } },
    forms: {
      type: "array",
      items: {
        type: "object",
        properties: { key: { type: "string" }, id: { type: "string" }, version: { type: "integer" } },
      },
    },
    permissionSets: { type: "integer" },
    views: { type: "integer" },
    records: { type: "integer" },
    installed: { type: "object", additionalProperties: { type: "integer" } },
    skipped: {
      type: "array",
      items: {
        type: "object",
        properties: { section: { type: "string" }, count: { type: "integer" }, code: { type: "string" } },
      },
    },
  },
} as const;
