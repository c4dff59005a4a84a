export { checkFieldSettings, FIELD_SETTINGS_ISSUE_CODES } from "./field-settings";
export { validateDefinition } from "./validate-definition";
