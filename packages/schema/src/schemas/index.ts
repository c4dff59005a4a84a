export {
  formulaSchema,
  ID_PATTERN,
  ID_REGEX,
  idSchema,
  type JsonSchemaObject,
  jsonLogicSchema,
  localizedLongTextSchema,
  localizedTextSchema,
  SCHEMA_BASE_URI,
} from "./common";
export {
  defaultValueSchema,
  FIELD_SCHEMA_ID,
  fieldBaseProperties,
  fieldSchema,
} from "./field";
export { fieldSettingsSchemas, optionItemSchema } from "./field-settings";
export {
  assigneeSchema,
  deadlineSchema,
  FLOW_NODE_SCHEMA_ID,
  FLOW_SCHEMA_ID,
  fieldPermissionsSchema,
  flowDefinitionSchema,
  flowEdgeSchema,
  flowNodeSchema,
  nodeSettingsSchemas,
} from "./flow";
export { FORM_SCHEMA_ID, formDefinitionSchema, submitValidationSchema } from "./form";
export { LIMITS } from "./limits";
export { addDefinitionSchemas, definitionAjv, definitionSchemas } from "./registry";
