import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth/password";

export const userSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    isAdmin: { type: "boolean" },
    disabled: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
  },
} as const;

export const emailSchema = {
  type: "string",
  minLength: 3,
  maxLength: 320,
  pattern: "^[^\\s@]+@[^\\s@]+$",
} as const;
export const passwordSchema = {
  type: "string",
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: MAX_PASSWORD_LENGTH,
} as const;

export const createUserBody = {
  type: "object",
  required: ["email", "name", "password"],
  additionalProperties: false,
  properties: {
    email: emailSchema,
    name: { type: "string", minLength: 1, maxLength: 200 },
    password: passwordSchema,
    isAdmin: { type: "boolean" },
  },
} as const;

export const pageQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
    offset: { type: "integer", minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;
