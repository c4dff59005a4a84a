// Route schemas of the automations API. The definition itself is checked by validateAutomation (JSON
// Schema + references, stable codes and pointers), not by the route schema.
const uuid = { type: "string", format: "uuid" } as const;

export const appParams = {
  type: "object",
  required: ["app"],
  properties: { app: uuid },
} as const;

export const automationParams = {
  type: "object",
  required: ["app", "id"],
  properties: { app: uuid, id: uuid },
} as const;

export const runParams = {
  type: "object",
  required: ["app", "id", "run"],
  properties: { app: uuid, id: uuid, run: uuid },
} as const;

export const saveBody = {
  type: "object",
  required: ["definition"],
  additionalProperties: false,
  properties: {
    definition: { type: "object" },
    enabled: { type: "boolean", default: true },
    /** PUT: the version the editor read (a newer one answers VERSION_CONFLICT). */
    version: { type: "integer", minimum: 1 },
  },
} as const;

export const runsQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    cursor: uuid,
  },
} as const;
