// Range checks for date and date-time fields. Bounds that are not literal dates (the designer may write
// relative expressions) need a clock and are left to the formula-based submit validations.
import type { DateSettings } from "@formwork/schema";
import { isCanonicalDate, normalizeDateTime } from "../shared/dates";
import { issue, type ValueIssue } from "../shared/messages";
import type { FilterOperator } from "../types";

export const DATE_FILTER_OPERATORS: FilterOperator[] = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "empty",
  "notEmpty",
];

/** Compare canonical values of the same kind (ISO strings sort chronologically). */
export function validateRange(
  value: string,
  settings: DateSettings,
  canonical: (b: string) => string | null,
) {
  const issues: ValueIssue[] = [];
  const min = settings.min === undefined ? null : canonical(settings.min);
  const max = settings.max === undefined ? null : canonical(settings.max);
  if (min !== null && value < min)
    issues.push(issue("", `不能早于 ${settings.min}`, `Must not be before ${settings.min}`));
  if (max !== null && value > max)
    issues.push(issue("", `不能晚于 ${settings.max}`, `Must not be after ${settings.max}`));
  return issues;
}

export const dateBound = (bound: string): string | null => (isCanonicalDate(bound) ? bound : null);

export function dateTimeBound(bound: string): string | null {
  const value = isCanonicalDate(bound) ? `${bound}T00:00:00Z` : bound;
  const normalized = normalizeDateTime(value);
  return typeof normalized === "string" && normalized.endsWith("Z") ? normalized : null;
}
