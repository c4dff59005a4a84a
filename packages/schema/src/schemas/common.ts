import { LIMITS } from "./limits";

/** A JSON Schema (draft 2020-12) object, as the schemas of this package and the field registry write them. */
export type JsonSchemaObject = { readonly [keyword: string]: unknown };

export const SCHEMA_BASE_URI = "https://formwork.dev/schemas";
export const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

/**
 * Stable id of forms, fields, flow nodes and edges. `constructor` and `prototype` are refused because
 * record bodies carrying them as keys are rejected as prototype poisoning; `true` and `false` because
 * the formula language reads them as booleans, never as field references.
 */
export const RESERVED_IDS = ["constructor", "prototype", "true", "false"] as const;
export const ID_PATTERN = `^(?!(?:${RESERVED_IDS.join("|")})$)[a-z][a-z0-9_]*$`;
export const ID_REGEX = new RegExp(ID_PATTERN);

export const idSchema = {
  type: "string",
  pattern: ID_PATTERN,
  minLength: 1,
  maxLength: LIMITS.idLength,
  description: "Stable id: a lower-case letter, then lower-case letters, digits or _; not a reserved word.",
} as const;

function localized(maxLength: number) {
  return {
    type: ["string", "object"],
    maxLength,
    properties: {
      "zh-CN": { type: "string", maxLength },
      en: { type: "string", maxLength },
    },
    additionalProperties: false,
  } as const;
}

/** A label: one string for every locale, or one string per locale. */
export const localizedTextSchema = {
  $id: `${SCHEMA_BASE_URI}/localized-text.json`,
  title: "Localized text",
  ...localized(LIMITS.labelLength),
} as const;

/** Longer localized text (descriptions, messages). */
export const localizedLongTextSchema = {
  $id: `${SCHEMA_BASE_URI}/localized-long-text.json`,
  title: "Localized long text",
  ...localized(LIMITS.textLength),
} as const;

/**
 * A json-logic rule. Any JSON value, bounded: an operation is an object with exactly one key, arrays
 * are argument lists. Depth is bounded by the validator's depth check before this schema runs.
 */
export const jsonLogicSchema = {
  $id: `${SCHEMA_BASE_URI}/json-logic.json`,
  title: "json-logic rule",
  type: ["null", "boolean", "number", "string", "array", "object"],
  maxLength: LIMITS.formulaLength,
  maxItems: LIMITS.logicItems,
  items: { $ref: "#" },
  maxProperties: 1,
  propertyNames: { maxLength: LIMITS.idLength },
  additionalProperties: { $ref: "#" },
} as const;

export const formulaSchema = {
  type: "string",
  minLength: 1,
  maxLength: LIMITS.formulaLength,
  description: "Excel-like formula over field ids, e.g. ROUND(price * qty, 2).",
} as const;

export const LOCALIZED_TEXT_REF = { $ref: localizedTextSchema.$id } as const;
export const LOCALIZED_LONG_TEXT_REF = { $ref: localizedLongTextSchema.$id } as const;
export const JSON_LOGIC_REF = { $ref: jsonLogicSchema.$id } as const;

/**
 * The inline (no `$ref`) versions for schemas that must stand alone, such as the per-type settings
 * schemas the designer's property panels are generated from.
 */
export const localizedTextInline = { title: "Localized text", ...localized(LIMITS.labelLength) } as const;
export const localizedLongTextInline = { title: "Localized text", ...localized(LIMITS.textLength) } as const;
/** Shallow stand-in for a rule in standalone schemas; the full recursive check is `jsonLogicSchema`. */
export const jsonLogicInline = {
  title: "json-logic rule",
  type: ["null", "boolean", "number", "string", "array", "object"],
} as const;
