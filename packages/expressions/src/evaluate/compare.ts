import { isBlank, parseNumericText, scalar } from "../functions/coerce";
import { isDateText, toLocalDate } from "../functions/dates";
import { valueError } from "../functions/errors";
import { FormulaErrorValue } from "../types";

// Excel comparison for = <> < > <= >=. Blank takes the other side's kind (0, "" or FALSE); text
// compares case-insensitively; numbers sort before text and text before booleans. Two deliberate
// departures, both in json-logic's direction so display rules read naturally: numeric text against a
// number compares as numbers, and two date texts compare as points in time.

const rank = (v: unknown): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

function blankLike(other: unknown): unknown {
  if (typeof other === "number") return 0;
  if (typeof other === "boolean") return false;
  return "";
}

function compareText(a: string, b: string, timeZone: string): number {
  if (isDateText(a) && isDateText(b)) {
    const da = toLocalDate(a, timeZone);
    const db = toLocalDate(b, timeZone);
    if (da && db && !(da instanceof FormulaErrorValue) && !(db instanceof FormulaErrorValue)) {
      return Math.sign(da.ms - db.ms);
    }
  }
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}

/** −1, 0 or 1, or the error to return (an error operand, or a value that cannot be compared). */
export function compareValues(left: unknown, right: unknown, timeZone: string): number | FormulaErrorValue {
  let a = Array.isArray(left) ? scalar(left) : left;
  let b = Array.isArray(right) ? scalar(right) : right;
  if (a instanceof FormulaErrorValue) return a;
  if (b instanceof FormulaErrorValue) return b;
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isNaN(a) || Number.isNaN(b)) return valueError("not a number");
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (isBlank(a)) {
    if (isBlank(b)) return 0;
    a = blankLike(b);
  } else if (isBlank(b)) b = blankLike(a);
  const kindA = typeof a;
  const kindB = typeof b;
  if (!(kindA === "number" || kindA === "string" || kindA === "boolean")) return valueError("cannot compare");
  if (!(kindB === "number" || kindB === "string" || kindB === "boolean")) return valueError("cannot compare");
  if (kindA === "string" && kindB === "string") return compareText(a as string, b as string, timeZone);
  if (kindA === "number" && kindB === "string") {
    const n = parseNumericText(b as string);
    if (n !== undefined) return compareValues(a, n, timeZone);
  }
  if (kindA === "string" && kindB === "number") {
    const n = parseNumericText(a as string);
    if (n !== undefined) return compareValues(n, b, timeZone);
  }
  if (kindA === kindB) return a === b ? 0 : (a as number | boolean) < (b as number | boolean) ? -1 : 1;
  return Math.sign(rank(a) - rank(b));
}
