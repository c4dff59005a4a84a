import { FormulaErrorValue } from "../types";
import { isBlank, toNumber } from "./coerce";

/**
 * The numbers SUM, AVERAGE, MAX, ... work on, following Excel: an argument written directly is
 * coerced (numeric text and TRUE count, other text is #VALUE!), blanks are skipped, and inside a
 * sub-form column only real numbers count (empty rows and text cells are ignored).
 */
export function collectNumbers(args: readonly unknown[]): number[] | FormulaErrorValue {
  const out: number[] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) {
      const inner = collectColumn(arg, out);
      if (inner) return inner;
    } else if (!isBlank(arg)) {
      const n = toNumber(arg);
      if (n instanceof FormulaErrorValue) return n;
      out.push(n);
    }
  }
  return out;
}

function collectColumn(values: readonly unknown[], out: number[]): FormulaErrorValue | undefined {
  for (const value of values) {
    if (value instanceof FormulaErrorValue) return value;
    if (typeof value === "number" && Number.isFinite(value)) out.push(value);
    else if (Array.isArray(value)) {
      const inner = collectColumn(value, out);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Converts the first `count` arguments to numbers (missing optional ones become `fallback`). */
export function numberArgs(
  args: readonly unknown[],
  count: number,
  fallback: readonly number[] = [],
): number[] | FormulaErrorValue {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const raw = args[i];
    const optional = fallback[i - (count - fallback.length)];
    if (i >= args.length && optional !== undefined) {
      out.push(optional);
      continue;
    }
    const n = toNumber(raw);
    if (n instanceof FormulaErrorValue) return n;
    out.push(n);
  }
  return out;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
