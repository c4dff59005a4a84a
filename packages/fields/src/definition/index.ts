export { checkFieldSettings, FIELD_SETTINGS_ISSUE_CODES } from "./field-settings";
export { validateTemplateBundle } from "./validate-bundle";
export { validateDefinition } from "./validate-definition";
