import { idParamsSchema } from "../../http/common-schemas";
import { MAX_PASSWORD_LENGTH } from "../auth/password";

const fieldList = {
  type: "array",
  items: { type: "string", maxLength: 64 },
  maxItems: 200,
  uniqueItems: true,
} as const;

export const createLinkBody = {
  type: "object",
  required: ["kind"],
  additionalProperties: false,
  properties: {
    kind: { type: "string", enum: ["fill", "query"] },
    name: { type: "string", maxLength: 200 },
    password: { type: "string", minLength: 4, maxLength: MAX_PASSWORD_LENGTH },
    expiresAt: { type: "string", format: "date-time" },
    maxSubmissions: { type: "integer", minimum: 1, maximum: 10_000_000 },
    /** Query links: the fields a visitor must give exact values for (at least one). */
    queryFields: { ...fieldList, minItems: 1 },
    /** Fill links: the fields on the public form; query links: the fields shown in results. */
    displayFields: { ...fieldList, minItems: 1 },
  },
} as const;

export interface CreateLinkBody {
  kind: "fill" | "query";
  name?: string;
  password?: string;
  expiresAt?: string;
  maxSubmissions?: number;
  queryFields?: string[];
  displayFields?: string[];
}

export const linkInfoSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    formId: { type: "string" },
    kind: { type: "string" },
    name: { type: "string" },
    hasPassword: { type: "boolean" },
    expiresAt: { type: ["string", "null"] },
    maxSubmissions: { type: ["integer", "null"] },
    submissions: { type: "integer" },
    queryFields: { type: "array", items: { type: "string" } },
    displayFields: { type: "array", items: { type: "string" } },
    disabled: { type: "boolean" },
    createdAt: { type: "string" },
    token: { type: "string", description: "Only in the create answer: shown once." },
  },
} as const;

export const formParams = idParamsSchema("form");
export const linkParams = idParamsSchema("id");
export const tokenParams = {
  type: "object",
  required: ["token"],
  properties: { token: { type: "string", maxLength: 100 } },
} as const;

export const publicSubmitBody = {
  type: "object",
  required: ["data"],
  additionalProperties: false,
  properties: {
    data: { type: "object" },
    password: { type: "string", maxLength: MAX_PASSWORD_LENGTH },
  },
} as const;

export const publicQueryBody = {
  type: "object",
  required: ["conditions"],
  additionalProperties: false,
  properties: {
    conditions: { type: "object", maxProperties: 50 },
    password: { type: "string", maxLength: MAX_PASSWORD_LENGTH },
  },
} as const;
