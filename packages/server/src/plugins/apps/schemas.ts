import { APP_COLOUR_PATTERN, APP_ICONS } from "@formwork/schema";
import { idParamsSchema } from "../../http/common-schemas";

export const appParams = idParamsSchema("app");

const appProperties = {
  id: { type: "string" },
  name: { type: "string" },
  description: { type: ["string", "null"] },
  icon: { type: ["string", "null"] },
  colour: { type: ["string", "null"] },
  createdBy: { type: ["string", "null"] },
  createdAt: { type: "string" },
  updatedAt: { type: "string" },
} as const;

export const appSchema = { type: "object", properties: appProperties } as const;

const name = { type: "string", minLength: 1, maxLength: 200, pattern: "\\S" } as const;
const description = { type: ["string", "null"], maxLength: 5000 } as const;
const icon = { anyOf: [{ type: "string", enum: APP_ICONS }, { type: "null" }] } as const;
const colour = { anyOf: [{ type: "string", pattern: APP_COLOUR_PATTERN }, { type: "null" }] } as const;

export const createAppBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name, description, icon, colour },
} as const;

export const updateAppBody = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: { name, description, icon, colour },
} as const;

const targetId = { type: "string", minLength: 1, maxLength: 64 } as const;
const leafKinds = ["form", "dashboard"] as const;
// if/then/else rather than oneOf, so an error points into the item's own kind (e.g. /menu/0/name).
const leafOf = (kind: (typeof leafKinds)[number]) => ({
  required: [kind],
  additionalProperties: false,
  properties: { type: { const: kind }, [kind]: targetId },
});
const menuLeaf = {
  type: "object",
  required: ["type"],
  properties: { type: { enum: leafKinds } },
  if: { properties: { type: { const: "form" } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keywords, not a thenable.
  then: leafOf("form"),
  else: leafOf("dashboard"),
} as const;
const menuItem = {
  type: "object",
  required: ["type"],
  properties: { type: { enum: [...leafKinds, "group"] } },
  if: { properties: { type: { const: "group" } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keywords, not a thenable.
  then: {
    required: ["id", "name", "items"],
    additionalProperties: false,
    properties: {
      type: { const: "group" },
      id: { type: "string", pattern: "^[A-Za-z0-9_-]{1,40}$" },
      name: { type: "string", minLength: 1, maxLength: 100, pattern: "\\S" },
      items: { type: "array", maxItems: 1000, items: menuLeaf },
    },
  },
  else: menuLeaf,
} as const;

const menuLayout = { type: "array", maxItems: 1000, items: menuItem } as const;

export const menuBody = {
  type: "object",
  required: ["menu"],
  additionalProperties: false,
  properties: { menu: menuLayout },
} as const;

// Responses are serialised loosely: the layout comes from resolveMenu, never from the request.
export const menuResponseProperties = {
  menu: { type: "array", items: { type: "object", additionalProperties: true } },
  menuRevision: { type: "integer" },
} as const;
