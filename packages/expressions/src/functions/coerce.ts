import { FormulaErrorValue } from "../types";
import { numError, valueError } from "./errors";

// Excel coercion rules, shared by operators and functions. Documented in docs/formulas.md.

/** Blank: a missing value, null or an empty string (form inputs send "" for an emptied field). */
export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** Numeric text Excel's VALUE accepts: sign, thousands separators, decimals, exponent, trailing %. */
const NUMERIC_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:e[+-]?\d+)?%?$/i;

export function parseNumericText(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || !NUMERIC_TEXT.test(trimmed) || !/\d/.test(trimmed)) return undefined;
  const percent = trimmed.endsWith("%");
  const n = Number((percent ? trimmed.slice(0, -1) : trimmed).replace(/,/g, ""));
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

/** A single value out of a sub-form column used where one value is expected: [] is blank, [x] is x. */
export function scalar(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 0) return null;
  if (value.length === 1) return scalar(value[0]);
  return valueError("a list of values where one value is expected");
}

/** Number context: blank → 0, TRUE → 1, numeric text → number, other text → #VALUE!. */
export function toNumber(value: unknown): number | FormulaErrorValue {
  if (typeof value === "number") return Number.isFinite(value) ? value : numError("not a finite number");
  if (isBlank(value)) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return parseNumericText(value) ?? valueError(`"${value}" is not a number`);
  if (value instanceof FormulaErrorValue) return value;
  if (Array.isArray(value)) return toNumber(scalar(value));
  return valueError("not a number");
}

/** Formats a number the way Excel's General format does for everyday values (15 significant digits). */
export function numberToText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Text context: blank → "", numbers in General format, TRUE/FALSE in capitals. */
export function toText(value: unknown): string | FormulaErrorValue {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? numberToText(value) : numError();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof FormulaErrorValue) return value;
  if (Array.isArray(value)) return toText(scalar(value));
  return valueError("not text");
}

/** Logical context: blank → FALSE, numbers ≠ 0 are TRUE, text "TRUE"/"FALSE" (any case), other text → #VALUE!. */
export function toBoolean(value: unknown): boolean | FormulaErrorValue {
  if (typeof value === "boolean") return value;
  if (isBlank(value)) return false;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (typeof value === "string") {
    const upper = value.trim().toUpperCase();
    if (upper === "TRUE") return true;
    if (upper === "FALSE") return false;
    return valueError(`"${value}" is not TRUE or FALSE`);
  }
  if (value instanceof FormulaErrorValue) return value;
  if (Array.isArray(value)) return toBoolean(scalar(value));
  return valueError("not a logical value");
}

/** Every value of the arguments with sub-form columns flattened, in order. */
export function flatten(values: readonly unknown[], into: unknown[] = []): unknown[] {
  for (const value of values) {
    if (Array.isArray(value)) flatten(value, into);
    else into.push(value);
  }
  return into;
}
