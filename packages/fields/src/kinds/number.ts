// Numeric values (number, money, aggregate): finite JSON numbers rounded to the field's precision.
import type { FieldBase, NumberSettings } from "@formwork/schema";
import { parseNumeric, roundHalfAwayFromZero } from "../shared/decimal";
import { issue, type ValueIssue } from "../shared/messages";
import { nullable } from "../shared/values";
import type { FilterOperator, JsonSchema } from "../types";

export const NUMBER_FILTER_OPERATORS: FilterOperator[] = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "in",
  "notIn",
  "empty",
  "notEmpty",
];

/** PostgreSQL numeric holds more, but JSON numbers beyond this lose integer precision. */
const SAFE_LIMIT = 1e15;

type NumberField = FieldBase & NumberSettings;

export function numberValueSchema(field: NumberField): JsonSchema {
  return nullable({
    type: "number",
    minimum: field.min ?? -SAFE_LIMIT,
    maximum: field.max ?? SAFE_LIMIT,
  });
}

export function normalizeNumber(value: unknown, precision: number | undefined): unknown {
  if (typeof value === "string" && value.trim() === "") return null;
  const parsed = parseNumeric(value);
  if (typeof parsed !== "number" || !Number.isFinite(parsed) || precision === undefined) return parsed;
  return roundHalfAwayFromZero(parsed, precision);
}

export function validateNumber(value: unknown, field: NumberField): ValueIssue[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "number" || !Number.isFinite(value))
    return [issue("", "应为数字", "Must be a number")];
  const issues: ValueIssue[] = [];
  if (field.min !== undefined && value < field.min)
    issues.push(issue("", `不能小于 ${field.min}`, `Must be at least ${field.min}`));
  if (field.max !== undefined && value > field.max)
    issues.push(issue("", `不能大于 ${field.max}`, `Must be at most ${field.max}`));
  if (Math.abs(value) > SAFE_LIMIT) issues.push(issue("", "数值超出范围", "Number is out of range"));
  return issues;
}
