import { idParamsSchema, uuidSchema } from "../../http/common-schemas";

export const recordParams = idParamsSchema("form", "id");
export const commentParams = idParamsSchema("id");

export const MAX_MENTIONS = 50;

/** A comment as written: the text, and the members it @mentions by id (the picker's choice, not parsed). */
export const commentBody = {
  type: "object",
  additionalProperties: false,
  required: ["text"],
  properties: {
    text: { type: "string", minLength: 1, maxLength: 10000 },
    mentions: { type: "array", items: uuidSchema, maxItems: MAX_MENTIONS, default: [] },
  },
} as const;

const person = {
  type: "object",
  required: ["id", "name"],
  properties: { id: { type: "string" }, name: { type: "string" } },
} as const;

export const commentSchema = {
  type: "object",
  required: ["id", "formId", "recordId", "author", "text", "mentions", "createdAt", "editedAt"],
  properties: {
    id: { type: "string" },
    formId: { type: "string" },
    recordId: { type: "string" },
    author: { anyOf: [person, { type: "null" }] },
    text: { type: "string" },
    mentions: { type: "array", items: person },
    createdAt: { type: "string" },
    editedAt: { type: ["string", "null"] },
  },
} as const;

export const commentListSchema = {
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: commentSchema } },
} as const;
