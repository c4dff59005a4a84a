export { AUTOMATION_ISSUE_CODES, type AutomationIssueCode } from "./codes";
export { AUTOMATION_SCHEMA_ID, automationSchema } from "./schema";
export * from "./types";
export { type AutomationValidationOptions, RECORD_ID, validateAutomation } from "./validate-automation";
