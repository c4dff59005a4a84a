import { FIELD_TYPES, FIELD_WIDTHS, type FieldType } from "../types";
import {
  DRAFT_2020_12,
  formulaSchema,
  idSchema,
  JSON_LOGIC_REF,
  type JsonSchemaObject,
  LOCALIZED_LONG_TEXT_REF,
  LOCALIZED_TEXT_REF,
  SCHEMA_BASE_URI,
} from "./common";
import { fieldSettingsSchemas } from "./field-settings";
import { taggedUnion } from "./tagged-union";

export const defaultValueSchema = {
  type: "object",
  title: "Default value",
  minProperties: 1,
  maxProperties: 1,
  properties: {
    value: { title: "Constant" },
    formula: formulaSchema,
    currentUser: { const: true },
    currentDept: { const: true },
    today: { const: true },
    now: { const: true },
    linkage: {
      type: "object",
      title: "Data linkage",
      required: ["form", "match", "take"],
      properties: {
        form: idSchema,
        match: {
          type: "array",
          minItems: 1,
          maxItems: 10,
          items: {
            type: "object",
            required: ["field", "equals"],
            properties: { field: idSchema, equals: idSchema },
            additionalProperties: false,
          },
        },
        take: idSchema,
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

/** Properties every field has, whatever its type. */
export const fieldBaseProperties = {
  id: idSchema,
  type: { enum: FIELD_TYPES, title: "Field type" },
  label: LOCALIZED_TEXT_REF,
  description: LOCALIZED_LONG_TEXT_REF,
  width: { enum: FIELD_WIDTHS, title: "Width" },
  required: { type: "boolean", title: "Required" },
  unique: { type: "boolean", title: "Unique" },
  formula: formulaSchema,
  default: defaultValueSchema,
  visibleWhen: JSON_LOGIC_REF,
  readonly: { type: "boolean", title: "Read-only" },
  indexed: { type: "boolean", title: "Indexed" },
} as const;

type SettingsSchema = (typeof fieldSettingsSchemas)[FieldType];

/**
 * The settings properties of a type as the full field schema checks them: the standalone settings
 * schemas stop at shallow stand-ins where the definition recurses (sub-form columns are fields,
 * filters are whole json-logic rules).
 */
function fullSettingsProperties(settings: SettingsSchema): Record<string, unknown> {
  const properties: Record<string, unknown> = { ...settings.properties };
  if ("fields" in properties && settings === fieldSettingsSchemas.subform) {
    properties.fields = { ...fieldSettingsSchemas.subform.properties.fields, items: { $ref: "#" } };
  }
  if ("filter" in properties) properties.filter = { title: "Filter", ...JSON_LOGIC_REF };
  return properties;
}

/** Base properties the branch admits without checking: the root schema already checks them once. */
const baseAdmitted = Object.fromEntries(Object.keys(fieldBaseProperties).map((key) => [key, true]));

/** The closed schema of the field types sharing `settings`: base and settings properties, nothing else. */
function closedFieldSchema(settings: SettingsSchema, types: readonly FieldType[]): JsonSchemaObject {
  return {
    type: "object",
    title: settings.title,
    ...("required" in settings ? { required: settings.required } : {}),
    properties: { ...baseAdmitted, type: { enum: types }, ...fullSettingsProperties(settings) },
    additionalProperties: false,
  };
}

export const FIELD_SCHEMA_ID = `${SCHEMA_BASE_URI}/field.json`;

/**
 * A field: the common properties, checked once at the root, plus the settings of its `type`. The
 * `discriminator` picks the one branch for the type in a single switch, and each branch is a closed
 * object (`additionalProperties: false`) listing the base and settings properties, so a property of
 * another type is rejected. This keeps Ajv's generated code small: an if/then chain over every type
 * with `unevaluatedProperties` cost over a second to compile. Sub-form columns are fields too
 * (`$ref: "#"`): any nesting is accepted (bounded by the validator's depth limit) and the validator
 * reports a sub-form inside a sub-form with its own code.
 */
export const fieldSchema: JsonSchemaObject = {
  $schema: DRAFT_2020_12,
  $id: FIELD_SCHEMA_ID,
  title: "Field",
  type: "object",
  required: ["id", "type", "label"],
  properties: fieldBaseProperties,
  ...taggedUnion(FIELD_TYPES, (type) => fieldSettingsSchemas[type], closedFieldSchema),
};
