// The operator vocabulary of the filter dialect: semantic names (the same words as @formwork/fields'
// FilterOperator, plus hasNone), their json-logic spellings, and which ones each value type supports.
import type { FilterField, FilterValueType } from "./types";

/** Semantic operator names; a field's `operators` allowlist uses these (or their json-logic aliases). */
export const FILTER_OPERATORS = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "in",
  "notIn",
  "contains",
  "notContains",
  "startsWith",
  "empty",
  "notEmpty",
  "hasAny",
  "hasAll",
  "hasNone",
] as const;
export type FilterOperatorName = (typeof FILTER_OPERATORS)[number];

/** json-logic spellings of the comparison operators. */
export const OPERATOR_ALIASES: Readonly<Record<string, FilterOperatorName>> = {
  "==": "eq",
  "===": "eq",
  "!=": "ne",
  "!==": "ne",
  "<": "lt",
  "<=": "lte",
  ">": "gt",
  ">=": "gte",
};

/** Every key a filter object may use, for documentation, editors and API validation. */
export const SUPPORTED_OPERATORS = [
  "and",
  "or",
  "!",
  "not",
  "==",
  "===",
  "!=",
  "!==",
  "<",
  "<=",
  ">",
  ">=",
  "between",
  "in",
  "notIn",
  "contains",
  "notContains",
  "startsWith",
  "empty",
  "notEmpty",
  "hasAny",
  "hasAll",
  "hasNone",
  "some",
  "all",
  "none",
  "var",
  "today",
  "startOf",
  "endOf",
] as const;

const ORDERED: readonly FilterOperatorName[] = ["eq", "ne", "lt", "lte", "gt", "gte", "between"];

/** What each value type supports when a field gives no allowlist. */
export const DEFAULT_OPERATORS: Readonly<Record<FilterValueType, readonly FilterOperatorName[]>> = {
  text: ["eq", "ne", "in", "notIn", "contains", "notContains", "startsWith", "empty", "notEmpty"],
  number: [...ORDERED, "in", "notIn", "empty", "notEmpty"],
  date: [...ORDERED, "in", "notIn", "empty", "notEmpty"],
  datetime: [...ORDERED, "empty", "notEmpty"],
  boolean: ["eq", "ne", "empty", "notEmpty"],
  id: ["eq", "ne", "in", "notIn", "empty", "notEmpty"],
  textArray: ["contains", "notContains", "hasAny", "hasAll", "hasNone", "empty", "notEmpty"],
  idArray: ["contains", "notContains", "hasAny", "hasAll", "hasNone", "empty", "notEmpty"],
  json: ["empty", "notEmpty"],
};

export function toOperatorName(name: string): FilterOperatorName | undefined {
  if (Object.hasOwn(OPERATOR_ALIASES, name)) return OPERATOR_ALIASES[name];
  return (FILTER_OPERATORS as readonly string[]).includes(name) ? (name as FilterOperatorName) : undefined;
}

/**
 * The operators a field accepts: its allowlist (aliases resolved, unknown names ignored) narrowed to
 * what its value type can do, so an allowlist can never enable SQL that would not type-check.
 */
export function allowedOperators(field: FilterField): ReadonlySet<FilterOperatorName> {
  const defaults = DEFAULT_OPERATORS[field.valueType] ?? [];
  if (!Array.isArray(field.operators)) return new Set(defaults);
  const allowed = new Set<FilterOperatorName>();
  for (const name of field.operators) {
    const op = typeof name === "string" ? toOperatorName(name) : undefined;
    if (op && defaults.includes(op)) allowed.add(op);
  }
  return allowed;
}
