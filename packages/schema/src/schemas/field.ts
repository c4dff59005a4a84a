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

/** What the recursive schema adds to a standalone settings schema, per type. */
function settingsOverrides(type: FieldType): JsonSchemaObject | undefined {
  switch (type) {
    case "subform":
      return { type: "object", properties: { fields: { type: "array", items: { $ref: "#" } } } };
    case "link":
    case "lookup":
    case "aggregate":
      return { type: "object", properties: { filter: JSON_LOGIC_REF } };
    default:
      return undefined;
  }
}

/**
 * A field: the common properties plus the settings of its `type`, selected with if/then so errors name
 * the one type that applies; `unevaluatedProperties: false` rejects anything neither part declares.
 * Sub-form columns are fields too (`$ref: "#"`): the schema accepts any nesting (bounded by the
 * validator's depth limit) and the validator reports a sub-form inside a sub-form with its own code.
 */
export const FIELD_SCHEMA_ID = `${SCHEMA_BASE_URI}/field.json`;

export const fieldSchema: JsonSchemaObject = {
  $schema: DRAFT_2020_12,
  $id: FIELD_SCHEMA_ID,
  title: "Field",
  type: "object",
  required: ["id", "type", "label"],
  properties: fieldBaseProperties,
  allOf: FIELD_TYPES.map((type) => {
    const overrides = settingsOverrides(type);
    return {
      if: { properties: { type: { const: type } } },
      // biome-ignore lint/suspicious/noThenProperty: the if/then keywords of JSON Schema
      then: overrides ? { allOf: [fieldSettingsSchemas[type], overrides] } : fieldSettingsSchemas[type],
    };
  }),
  unevaluatedProperties: false,
};
