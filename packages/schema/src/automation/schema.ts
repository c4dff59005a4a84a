// The JSON Schema of an automation definition: shapes only. References (forms, fields) and formulas are
// checked by validateAutomation against the app's forms.
import { idSchema, SCHEMA_BASE_URI } from "../schemas/common";
import { LIMITS } from "../schemas/limits";
import { ACTION_TYPES, TRIGGER_TYPES } from "./types";

export const AUTOMATION_SCHEMA_ID = `${SCHEMA_BASE_URI}/automation.json`;

const formKey = idSchema;
const logic = { $ref: `${SCHEMA_BASE_URI}/json-logic.json` } as const;
const formula = { type: "string", minLength: 1, maxLength: LIMITS.formulaLength } as const;
const mapping = {
  type: "object",
  maxProperties: 200,
  propertyNames: idSchema,
  additionalProperties: formula,
} as const;
const time = { type: "string", maxLength: 5 } as const;

function variant(type: string, properties: Record<string, unknown> = {}, required: string[] = []) {
  return {
    type: "object",
    required: ["type", ...required],
    additionalProperties: false,
    properties: { type: { const: type }, ...properties },
  } as const;
}

// `type` is listed too: with the discriminator, an unknown type is reported only as the enum error.
const trigger = {
  type: "object",
  required: ["type"],
  properties: { type: { enum: TRIGGER_TYPES } },
  discriminator: { propertyName: "type" },
  oneOf: [
    variant("recordCreated"),
    variant("recordUpdated", {
      fields: { type: "array", maxItems: 200, uniqueItems: true, items: idSchema },
    }),
    variant("recordDeleted"),
    variant(
      "schedule",
      {
        frequency: { enum: ["daily", "weekly", "monthly"] },
        time,
        weekday: { type: "integer", minimum: 1, maximum: 7 },
        monthDay: { type: "integer", minimum: 1, maximum: 31 },
      },
      ["frequency", "time"],
    ),
    variant(
      "dateField",
      { field: idSchema, offsetDays: { type: "integer", minimum: -366, maximum: 366 }, time },
      ["field", "offsetDays", "time"],
    ),
    variant("flowApproved"),
    variant("flowRejected"),
  ],
} as const;

const action = {
  type: "object",
  required: ["type"],
  properties: { type: { enum: ACTION_TYPES } },
  discriminator: { propertyName: "type" },
  oneOf: [
    variant("createRecord", { form: formKey, fields: mapping }, ["form", "fields"]),
    variant(
      "updateRecords",
      { form: formKey, condition: logic, fields: mapping, add: mapping, remove: mapping },
      ["form", "condition", "fields"],
    ),
    variant("deleteRecords", { form: formKey, condition: logic }, ["form", "condition"]),
    variant(
      "notify",
      {
        users: { type: "array", maxItems: 200, uniqueItems: true, items: { type: "string", format: "uuid" } },
        userFields: { type: "array", maxItems: 50, uniqueItems: true, items: idSchema },
        title: formula,
      },
      ["title"],
    ),
    variant(
      "assign",
      {
        field: idSchema,
        users: {
          type: "array",
          minItems: 1,
          maxItems: 200,
          uniqueItems: true,
          items: { type: "string", format: "uuid" },
        },
        condition: logic,
      },
      ["field", "users"],
    ),
    variant("webhook", { url: { type: "string", minLength: 1, maxLength: 2000, pattern: "^https?://" } }, [
      "url",
    ]),
  ],
} as const;

export const automationSchema = {
  $id: AUTOMATION_SCHEMA_ID,
  title: "Automation",
  type: "object",
  required: ["id", "name", "form", "trigger", "actions"],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: { type: "string", minLength: 1, maxLength: LIMITS.labelLength },
    form: formKey,
    trigger,
    condition: logic,
    fireOnImportsAndBulk: { type: "boolean" },
    actions: { type: "array", minItems: 1, maxItems: 20, items: action },
  },
} as const;
