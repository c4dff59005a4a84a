export { DASHBOARD_ISSUE_CODES, type DashboardIssueCode } from "./codes";
export { DASHBOARD_SCHEMA_ID, dashboardSchema, MAX_WIDGETS } from "./schema";
export * from "./types";
export {
  type DashboardValidation,
  type FormsByKey,
  validateDashboard,
  WIDGET_SHAPES,
} from "./validate-dashboard";
