import { FormulaErrorValue } from "../types";
import { numberToText } from "./coerce";

// The record and clock the documented examples run against; docs/formulas.md prints them and a test
// evaluates every example with them, so an example can never drift from what the function does.

export const EXAMPLE_RECORD = {
  discount: 0.1,
  items: [
    { product: "笔记本", price: 5, qty: 3, subtotal: 15 },
    { product: "钢笔", price: 10, qty: 2, subtotal: 20 },
    { product: "尺子", price: 0, qty: 5, subtotal: 0 },
  ],
};

export const EXAMPLE_CONTEXT = { now: new Date("2024-03-15T02:30:00Z"), timeZone: "Asia/Shanghai" };

/** How a result reads in the docs: numbers in General format, TRUE/FALSE, lists as JSON, errors by code. */
export function displayResult(value: unknown): string {
  if (value instanceof FormulaErrorValue) return value.code;
  if (typeof value === "number") return numberToText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
