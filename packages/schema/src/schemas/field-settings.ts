// Type-specific settings of every field type, one self-contained object schema each (no `$ref`), so
// the designer can generate a property panel from any of them. `fieldSchema` combines them with the
// common field properties and adds the recursive parts (sub-form columns, json-logic filters).
import type { FieldType } from "../types";
import {
  idSchema,
  type JsonSchemaObject,
  jsonLogicInline,
  localizedLongTextInline,
  localizedTextInline,
} from "./common";
import { LIMITS } from "./limits";

const nonNegativeInt = { type: "integer", minimum: 0, maximum: 1_000_000_000 } as const;
const shortString = { type: "string", maxLength: LIMITS.labelLength } as const;

const textSettings = {
  type: "object",
  title: "Text settings",
  properties: {
    minLength: { ...nonNegativeInt, title: "Minimum length" },
    maxLength: { ...nonNegativeInt, title: "Maximum length" },
    pattern: {
      type: "string",
      maxLength: 1000,
      title: "Pattern",
      description: "A regular expression the value must match.",
    },
    patternMessage: {
      ...localizedTextInline,
      title: "Pattern message",
      description: "Shown when the value does not match.",
    },
  },
} as const;

const numberProperties = {
  min: { type: "number", title: "Minimum" },
  max: { type: "number", title: "Maximum" },
  precision: { type: "integer", minimum: 0, maximum: 10, title: "Decimal places" },
  unit: { ...shortString, title: "Unit" },
  percent: { type: "boolean", title: "Show as percentage" },
} as const;

const numberSettings = { type: "object", title: "Number settings", properties: numberProperties } as const;

const moneySettings = {
  type: "object",
  title: "Money settings",
  properties: {
    ...numberProperties,
    currency: {
      type: "string",
      pattern: "^[A-Z]{3}$",
      title: "Currency",
      description: "ISO 4217 code, e.g. CNY.",
    },
  },
} as const;

const dateSettings = {
  type: "object",
  title: "Date settings",
  properties: {
    min: {
      ...shortString,
      title: "Earliest",
      description: "ISO date, or a relative expression such as today.",
    },
    max: { ...shortString, title: "Latest" },
  },
} as const;

export const optionItemSchema = {
  type: "object",
  title: "Option",
  required: ["value"],
  properties: {
    value: { type: "string", minLength: 1, maxLength: LIMITS.labelLength, title: "Stored value" },
    label: { ...localizedTextInline, title: "Label" },
    color: { type: "string", maxLength: 32, title: "Colour" },
  },
  additionalProperties: false,
} as const;

const optionSettings = {
  type: "object",
  title: "Option settings",
  required: ["options"],
  properties: {
    options: { type: "array", maxItems: LIMITS.options, items: optionItemSchema, title: "Options" },
    allowOther: { type: "boolean", title: "Allow other", description: "Accept a free-text value." },
    minSelected: { ...nonNegativeInt, title: "Minimum selected" },
    maxSelected: { ...nonNegativeInt, title: "Maximum selected" },
  },
} as const;

const noSettings = { type: "object", title: "No settings", properties: {} } as const;

const fileSettings = {
  type: "object",
  title: "File settings",
  properties: {
    maxFiles: { type: "integer", minimum: 1, maximum: 100, title: "Maximum files" },
    maxSize: { type: "integer", minimum: 1, title: "Maximum size (bytes)" },
    accept: {
      type: "array",
      maxItems: LIMITS.listItems,
      items: { type: "string", maxLength: 100 },
      title: "Accepted types",
      description: "MIME types or extensions, as <input accept> takes them.",
    },
  },
} as const;

const memberSettings = {
  type: "object",
  title: "Member settings",
  properties: {
    departments: {
      type: "array",
      maxItems: LIMITS.listItems,
      items: { type: "string", minLength: 1, maxLength: 128 },
      title: "Limit to departments",
    },
  },
} as const;

const filterProperty = {
  ...jsonLogicInline,
  title: "Filter",
  description: 'json-logic over the other form; {"var": "$form.x"} reads this form.',
} as const;

const linkSettings = {
  type: "object",
  title: "Linked record settings",
  required: ["form"],
  properties: {
    form: { ...idSchema, title: "Linked form" },
    multiple: { type: "boolean", title: "Allow several records" },
    displayField: { ...idSchema, title: "Title field of the linked form" },
    fill: {
      type: "array",
      maxItems: LIMITS.listItems,
      title: "Fill rules",
      description: "Copy fields of the picked record into this form.",
      items: {
        type: "object",
        required: ["from", "to"],
        properties: { from: idSchema, to: idSchema },
        additionalProperties: false,
      },
    },
    filter: filterProperty,
  },
} as const;

const lookupSettings = {
  type: "object",
  title: "Related query settings",
  required: ["form", "fields"],
  properties: {
    form: { ...idSchema, title: "Queried form" },
    filter: filterProperty,
    fields: {
      type: "array",
      minItems: 1,
      maxItems: LIMITS.listItems,
      items: idSchema,
      title: "Shown fields",
    },
    limit: { type: "integer", minimum: 1, maximum: 1000, title: "Row limit" },
  },
} as const;

const aggregateSettings = {
  type: "object",
  title: "Aggregation settings",
  required: ["form", "measure"],
  properties: {
    form: { ...idSchema, title: "Aggregated form" },
    filter: filterProperty,
    measure: { enum: ["count", "sum", "avg", "min", "max"], title: "Measure" },
    field: { ...idSchema, title: "Measured field" },
    precision: { type: "integer", minimum: 0, maximum: 10, title: "Decimal places" },
  },
} as const;

/** One kind of serial part: its required key, optional extras, nothing else. */
function serialPart(
  title: string,
  key: Record<string, JsonSchemaObject>,
  extras: Record<string, JsonSchemaObject> = {},
) {
  return {
    type: "object",
    title,
    required: Object.keys(key),
    properties: { ...key, ...extras },
    additionalProperties: false,
  } as const;
}

const serialSettings = {
  type: "object",
  title: "Serial number settings",
  required: ["pattern"],
  properties: {
    pattern: {
      type: "array",
      minItems: 1,
      maxItems: 20,
      title: "Pattern",
      items: {
        title: "Serial part",
        oneOf: [
          serialPart("Fixed text", { text: { type: "string", minLength: 1, maxLength: 50 } }),
          serialPart("Date", { date: { enum: ["yyyy", "yyyyMM", "yyyyMMdd", "yyMMdd", "yyyy-MM-dd"] } }),
          serialPart(
            "Counter",
            { counter: { type: "integer", minimum: 1, maximum: 12, title: "Digits" } },
            {
              reset: { enum: ["never", "daily", "monthly", "yearly"], title: "Reset" },
              start: { type: "integer", minimum: 0, title: "Start" },
            },
          ),
          serialPart("Field value", { field: idSchema }),
        ],
      },
    },
  },
} as const;

const subformSettings = {
  type: "object",
  title: "Sub-form settings",
  required: ["fields"],
  properties: {
    fields: {
      type: "array",
      minItems: 1,
      maxItems: LIMITS.columns,
      title: "Columns",
      items: { type: "object" },
    },
    minRows: { type: "integer", minimum: 0, maximum: 10_000, title: "Minimum rows" },
    maxRows: { type: "integer", minimum: 1, maximum: 10_000, title: "Maximum rows" },
  },
} as const;

/** Literal types kept (`as const`) so `types-match.test-d.ts` can prove they match `FieldSettingsMap`. */
export const fieldSettingsSchemas = {
  text: textSettings,
  textarea: textSettings,
  number: numberSettings,
  money: moneySettings,
  date: dateSettings,
  datetime: dateSettings,
  radio: optionSettings,
  checkbox: optionSettings,
  select: optionSettings,
  multiselect: optionSettings,
  divider: noSettings,
  description: {
    type: "object",
    title: "Description settings",
    properties: { content: { ...localizedLongTextInline, title: "Content" } },
  },
  address: {
    type: "object",
    title: "Address settings",
    properties: { level: { enum: ["province", "city", "district", "detail"], title: "Depth" } },
  },
  location: {
    type: "object",
    title: "Location settings",
    properties: { radius: { type: "number", exclusiveMinimum: 0, title: "Allowed radius (m)" } },
  },
  image: fileSettings,
  attachment: fileSettings,
  signature: noSettings,
  subform: subformSettings,
  link: linkSettings,
  lookup: lookupSettings,
  member: memberSettings,
  members: memberSettings,
  department: noSettings,
  departments: noSettings,
  serial: serialSettings,
  phone: {
    type: "object",
    title: "Phone settings",
    properties: { kind: { enum: ["mobile", "any"], title: "Accepted numbers" } },
  },
  email: noSettings,
  rating: {
    type: "object",
    title: "Rating settings",
    properties: { max: { type: "integer", minimum: 1, maximum: 10, title: "Maximum stars" } },
  },
  aggregate: aggregateSettings,
} as const satisfies Record<FieldType, JsonSchemaObject>;
