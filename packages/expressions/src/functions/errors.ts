import { FormulaErrorValue } from "../types";

// Excel error values. A fresh instance per occurrence keeps `detail` honest; callers compare by `code`.
export const divZero = (detail?: string): FormulaErrorValue => new FormulaErrorValue("#DIV/0!", detail);
export const valueError = (detail?: string): FormulaErrorValue => new FormulaErrorValue("#VALUE!", detail);
export const numError = (detail?: string): FormulaErrorValue => new FormulaErrorValue("#NUM!", detail);
export const naError = (detail?: string): FormulaErrorValue => new FormulaErrorValue("#N/A", detail);
export const nameError = (detail?: string): FormulaErrorValue => new FormulaErrorValue("#NAME?", detail);

export function isError(value: unknown): value is FormulaErrorValue {
  return value instanceof FormulaErrorValue;
}

/** The first error among the arguments (looking into sub-form columns), as Excel propagates it. */
export function firstError(values: readonly unknown[]): FormulaErrorValue | undefined {
  for (const value of values) {
    if (value instanceof FormulaErrorValue) return value;
    if (Array.isArray(value)) {
      const inner = firstError(value);
      if (inner) return inner;
    }
  }
  return undefined;
}
