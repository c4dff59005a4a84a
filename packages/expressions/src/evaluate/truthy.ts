import { FormulaErrorValue } from "../types";

/** json-logic truthiness (an empty array is false), with every formula error counted as false. */
export function truthy(value: unknown): boolean {
  if (typeof value === "object" && value !== null) {
    if (Array.isArray(value)) return value.length > 0;
    return !(value instanceof FormulaErrorValue);
  }
  return !!value;
}
