// Route schemas of dashboards. The body is only an object here: validateDashboard (packages/schema)
// checks it against the app's forms and answers INVALID_DEFINITION with every issue's code and pointer.
import { idParamsSchema } from "../../http/common-schemas";

export const appParams = idParamsSchema("app");
export const dashboardParams = idParamsSchema("app", "dashboard");

const summary = {
  id: { type: "string" },
  appId: { type: "string" },
  title: { type: "string" },
  version: { type: "integer" },
  updatedAt: { type: "string" },
} as const;

export const dashboardSummarySchema = { type: "object", properties: summary } as const;
export const dashboardSchema = {
  type: "object",
  properties: { ...summary, definition: { type: "object", additionalProperties: true } },
} as const;

export const dashboardBody = {
  type: "object",
  description: "A dashboard definition (JSON Schema: https://formwork.dev/schemas/dashboard.json)",
  required: ["title", "widgets"],
} as const;

export const ifMatchHeaders = { type: "object", properties: { "if-match": { type: "string" } } } as const;
