import { idParamsSchema } from "../../http/common-schemas";

export const appParams = idParamsSchema("app");

const appProperties = {
  id: { type: "string" },
  name: { type: "string" },
  description: { type: ["string", "null"] },
  createdBy: { type: ["string", "null"] },
  createdAt: { type: "string" },
  updatedAt: { type: "string" },
} as const;

export const appSchema = { type: "object", properties: appProperties } as const;

const name = { type: "string", minLength: 1, maxLength: 200, pattern: "\\S" } as const;
const description = { type: ["string", "null"], maxLength: 5000 } as const;

export const createAppBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name, description },
} as const;

export const updateAppBody = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: { name, description },
} as const;
