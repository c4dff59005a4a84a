export const listQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    unread: { type: "boolean", default: false },
    cursor: { type: "string", pattern: "^[0-9]{1,18}$" },
    limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const notificationSchema = {
  type: "object",
  required: ["id", "kind", "actor", "title", "payload", "link", "readAt", "createdAt"],
  properties: {
    id: { type: "string" },
    kind: { type: "string" },
    actor: {
      anyOf: [
        { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
        { type: "null" },
      ],
    },
    title: { type: ["string", "null"] },
    payload: { type: "object", additionalProperties: true },
    link: { type: ["string", "null"] },
    readAt: { type: ["string", "null"] },
    createdAt: { type: "string" },
  },
} as const;

export const pageSchema = {
  type: "object",
  required: ["items", "nextCursor", "unread"],
  properties: {
    items: { type: "array", items: notificationSchema },
    nextCursor: { type: ["string", "null"] },
    unread: { type: "integer" },
  },
} as const;

export const countSchema = {
  type: "object",
  required: ["unread"],
  properties: { unread: { type: "integer" } },
} as const;

/** Either the ids to mark read, or every unread one. */
export const readBody = {
  type: "object",
  additionalProperties: false,
  properties: {
    ids: { type: "array", items: { type: "string", pattern: "^[0-9]{1,18}$" }, minItems: 1, maxItems: 500 },
    all: { type: "boolean", const: true },
  },
  oneOf: [{ required: ["ids"] }, { required: ["all"] }],
} as const;

export const readResponse = {
  type: "object",
  required: ["marked", "unread"],
  properties: { marked: { type: "integer" }, unread: { type: "integer" } },
} as const;

export const settingsSchema = {
  type: "object",
  required: ["email", "emailAvailable"],
  properties: { email: { type: "boolean" }, emailAvailable: { type: "boolean" } },
} as const;

export const settingsBody = {
  type: "object",
  required: ["email"],
  additionalProperties: false,
  properties: { email: { type: "boolean" } },
} as const;
