export { DEFINITION_ISSUE_CODES, type DefinitionIssueCode } from "./codes";
export { isIsoDuration } from "./duration";
export {
  ASSIGNEE_FIELD_TYPES,
  COMPUTABLE,
  DATE_FIELD_TYPES,
  OPTION_FIELD_TYPES,
  UNIQUE_CAPABLE,
} from "./field-capabilities";
export type { DefinitionValidation, FormulaAnalyzer } from "./result";
export { invalidDefinitionError } from "./to-error";
export { validateFlowDefinition } from "./validate-flow";
export { validateFormDefinition } from "./validate-form";
