import {
  DRAFT_2020_12,
  idSchema,
  JSON_LOGIC_REF,
  LOCALIZED_LONG_TEXT_REF,
  LOCALIZED_TEXT_REF,
  SCHEMA_BASE_URI,
} from "./common";
import { FIELD_SCHEMA_ID } from "./field";
import { FLOW_SCHEMA_ID } from "./flow";
import { LIMITS } from "./limits";

export const FORM_SCHEMA_ID = `${SCHEMA_BASE_URI}/form.json`;

export const submitValidationSchema = {
  type: "object",
  title: "Submit validation",
  required: ["rule", "message"],
  properties: { rule: JSON_LOGIC_REF, message: LOCALIZED_TEXT_REF },
  additionalProperties: false,
} as const;

export const recordQuotaSchema = {
  type: "object",
  title: "Record quota",
  required: ["field", "max", "message"],
  properties: {
    field: idSchema,
    max: { type: "integer", minimum: 0, maximum: 1000 },
    condition: JSON_LOGIC_REF,
    message: LOCALIZED_TEXT_REF,
  },
  additionalProperties: false,
} as const;

export const formDefinitionSchema = {
  $schema: DRAFT_2020_12,
  $id: FORM_SCHEMA_ID,
  title: "Form definition",
  type: "object",
  required: ["key", "name", "fields"],
  properties: {
    key: idSchema,
    name: LOCALIZED_TEXT_REF,
    description: LOCALIZED_LONG_TEXT_REF,
    fields: { type: "array", maxItems: LIMITS.fields, items: { $ref: FIELD_SCHEMA_ID } },
    validations: { type: "array", maxItems: LIMITS.validations, items: submitValidationSchema },
    quotas: { type: "array", maxItems: 20, items: recordQuotaSchema },
    settings: {
      type: "object",
      properties: { titleField: idSchema, successMessage: LOCALIZED_LONG_TEXT_REF },
      additionalProperties: false,
    },
    flow: { $ref: FLOW_SCHEMA_ID },
  },
  additionalProperties: false,
} as const;

export const FORM_WITHOUT_FLOW_SCHEMA_ID = `${SCHEMA_BASE_URI}/form-without-flow.json`;

/**
 * The form schema with `flow` left unchecked, for the validator: it checks a flow with
 * `flowDefinitionSchema` only when there is one, so forms without a flow never compile the flow schema.
 */
export const formWithoutFlowSchema = {
  ...formDefinitionSchema,
  $id: FORM_WITHOUT_FLOW_SCHEMA_ID,
  title: "Form definition (flow unchecked)",
  properties: { ...formDefinitionSchema.properties, flow: true },
} as const;
