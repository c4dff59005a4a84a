import { idParamsSchema, uuidSchema } from "../../http/common-schemas";
import { emailSchema, userSchema } from "../users/schemas";
import { MAX_PASSWORD_LENGTH } from "./password";

export const loginBody = {
  type: "object",
  required: ["email", "password"],
  additionalProperties: false,
  properties: {
    email: emailSchema,
    password: { type: "string", minLength: 1, maxLength: MAX_PASSWORD_LENGTH },
  },
} as const;

export const meResponse = {
  type: "object",
  properties: {
    user: userSchema,
    /** For clients that use the double-submit CSRF header instead of X-Requested-With. */
    csrfToken: { type: "string" },
  },
} as const;

export const createTokenBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1, maxLength: 200 },
    expiresInDays: { type: "integer", minimum: 1, maximum: 3650 },
    /** "write" (the default, as before scopes existed) or "read": safe methods only. */
    scope: { type: "string", enum: ["read", "write"] },
    /** Limit the token to these apps; omitted or null: every app the user may reach. */
    appIds: { type: ["array", "null"], items: uuidSchema, minItems: 1, maxItems: 100, uniqueItems: true },
  },
} as const;

const tokenInfo = {
  id: { type: "string" },
  name: { type: "string" },
  createdAt: { type: "string" },
  lastUsedAt: { type: ["string", "null"] },
  expiresAt: { type: ["string", "null"] },
  scope: { type: "string", enum: ["read", "write"] },
  appIds: { type: ["array", "null"], items: { type: "string" } },
} as const;

export const tokenInfoSchema = { type: "object", properties: tokenInfo } as const;
export const createdTokenSchema = {
  type: "object",
  properties: {
    ...tokenInfo,
    token: { type: "string", description: "Shown once; only its hash is stored." },
  },
} as const;

export const idParams = idParamsSchema("id");
