import { describe, expect, it } from "vitest";
import { parseFormula } from "../formula";
import { evaluate, evaluateRule } from "./index";

// The quote form of DESIGN §2, end to end: formula text → json-logic → value, and its rules.

const ctx = { now: new Date("2026-11-27T02:00:00Z") };

function compiled(text: string): unknown {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
  return parsed.logic;
}

describe("the DESIGN §2 quote form", () => {
  const subtotal = compiled("price * qty");
  const total = compiled("ROUND(SUM(items.subtotal) * (1 - discount), 2)");
  const reasonVisible = { ">": [{ var: "discount" }, 0.2] };
  const discountValid = { "<=": [{ var: "discount" }, 0.5] };

  function computed(record: {
    discount?: number | null;
    items: { price: number | null; qty: number | null }[];
  }) {
    const items = record.items.map((row) => ({ ...row, subtotal: evaluate(subtotal, row, ctx) }));
    const withRows = { ...record, items };
    return { ...withRows, total: evaluate(total, withRows, ctx) };
  }

  it("computes row subtotals and the rounded total", () => {
    const record = computed({
      discount: 0.15,
      items: [
        { price: 19.99, qty: 3 },
        { price: 5.05, qty: 10 },
      ],
    });
    expect(record.items.map((r) => r.subtotal)).toEqual([59.97, 50.5]);
    // (59.97 + 50.5) × 0.85 = 93.8995 → 93.90
    expect(record.total).toBe(93.9);
  });

  it("treats an empty row and a missing discount as blanks", () => {
    const record = computed({
      items: [
        { price: 10, qty: 2 },
        { price: null, qty: null },
      ],
    });
    expect(record.items.map((r) => r.subtotal)).toEqual([20, 0]);
    expect(record.total).toBe(20);
    expect(evaluateRule(reasonVisible, record, ctx)).toBe(false);
    expect(evaluateRule(discountValid, record, ctx)).toBe(true);
  });

  it("shows the reason field and rejects the discount by the rules", () => {
    expect(evaluateRule(reasonVisible, { discount: 0.3 }, ctx)).toBe(true);
    expect(evaluateRule(discountValid, { discount: 0.6 }, ctx)).toBe(false);
  });
});
