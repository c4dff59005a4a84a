import { toNumber, toText } from "../functions/coerce";
import { shiftDate } from "../functions/date";
import { DAY_MS, isDateText, toLocalDate } from "../functions/dates";
import { divZero, numError, valueError } from "../functions/errors";
import { power } from "../functions/math";
import { MAX_TEXT_LENGTH } from "../functions/text";
import { FormulaErrorValue } from "../types";

// Excel operators + - * / ^ &. Numbers take a fast path; anything else goes through Excel coercion
// (blank → 0, TRUE → 1, numeric text → number, other text → #VALUE!). A date plus or minus a number
// of days is a date, and a date minus a date is the number of days between them.

const finite = (n: number): number | FormulaErrorValue =>
  Number.isFinite(n) ? n : numError("result out of range");

function dateOperand(value: unknown, timeZone: string) {
  if (!isDateText(value)) return undefined;
  const d = toLocalDate(value, timeZone);
  return d === null || d instanceof FormulaErrorValue ? undefined : d;
}

export function add(a: unknown, b: unknown, timeZone: string): unknown {
  if (typeof a === "number" && typeof b === "number") return finite(a + b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (typeof x === "number" && typeof y === "number") return finite(x + y);
  const dateA = typeof y === "number" ? dateOperand(a, timeZone) : undefined;
  if (dateA) return shiftDate(dateA, y as number, timeZone);
  const dateB = typeof x === "number" ? dateOperand(b, timeZone) : undefined;
  if (dateB) return shiftDate(dateB, x as number, timeZone);
  return x instanceof FormulaErrorValue ? x : y;
}

export function subtract(a: unknown, b: unknown, timeZone: string): unknown {
  if (typeof a === "number" && typeof b === "number") return finite(a - b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (typeof x === "number" && typeof y === "number") return finite(x - y);
  const dateA = dateOperand(a, timeZone);
  if (dateA && typeof y === "number") return shiftDate(dateA, -y, timeZone);
  const dateB = dateOperand(b, timeZone);
  if (dateA && dateB) return (dateA.ms - dateB.ms) / DAY_MS;
  return x instanceof FormulaErrorValue ? x : y;
}

export function multiply(a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") return finite(a * b);
  const x = toNumber(a);
  if (x instanceof FormulaErrorValue) return x;
  const y = toNumber(b);
  if (y instanceof FormulaErrorValue) return y;
  return finite(x * y);
}

export function divide(a: unknown, b: unknown): unknown {
  const x = toNumber(a);
  if (x instanceof FormulaErrorValue) return x;
  const y = toNumber(b);
  if (y instanceof FormulaErrorValue) return y;
  if (y === 0) return divZero();
  return finite(x / y);
}

export function negate(a: unknown): unknown {
  if (typeof a === "number") return -a;
  const x = toNumber(a);
  return x instanceof FormulaErrorValue ? x : -x;
}

export function raise(a: unknown, b: unknown): unknown {
  const x = toNumber(a);
  if (x instanceof FormulaErrorValue) return x;
  const y = toNumber(b);
  if (y instanceof FormulaErrorValue) return y;
  return power(x, y);
}

export function concat(a: unknown, b: unknown): unknown {
  const x = toText(a);
  if (x instanceof FormulaErrorValue) return x;
  const y = toText(b);
  if (y instanceof FormulaErrorValue) return y;
  if (x.length + y.length > MAX_TEXT_LENGTH)
    return valueError(`text longer than ${MAX_TEXT_LENGTH} characters`);
  return x + y;
}
