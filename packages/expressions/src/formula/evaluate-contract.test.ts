import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import type { EvalContext } from "../types";
import { parseFormula } from "./analyze";
import { FORMULA_LIMITS } from "./ast";

// The json-logic the compiler emits is the contract with the evaluator: these run both halves together.

const ctx: EvalContext = { now: new Date("2026-03-15T08:00:00Z"), timeZone: "Asia/Shanghai" };

function run(text: string, data: unknown = {}): unknown {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.diagnostics[0]?.message}`);
  return evaluate(parsed.logic, data, ctx);
}

describe("formulas evaluate with Excel's results", () => {
  it.each<[string, unknown]>([
    ["-2^2", 4],
    ["2^3^2", 64],
    ["1+2&3", "33"],
    ["50%", 0.5],
    ["-50%*2", -1],
    ['"a""b" & TRUE', 'a"bTRUE'],
    ["1+2*3^2", 19],
    ["8/4/2", 1],
    ['"abc" = "ABC"', true],
    ["1 <> 2", true],
    ["=2>=2", true],
  ])("%s → %j", (text, value) => {
    expect(run(text)).toEqual(value);
  });

  it("computes the design's quote total from a sub-form column", () => {
    const data = { discount: 0.1, items: [{ subtotal: 10.5 }, { subtotal: 20 }] };
    expect(run("ROUND(SUM(items.subtotal) * (1 - discount), 2)", data)).toBe(27.45);
  });

  it("evaluates the deepest and the largest formula the parser accepts", () => {
    const deepest = `${"ABS(".repeat(FORMULA_LIMITS.maxDepth - 1)}a${")".repeat(FORMULA_LIMITS.maxDepth - 1)}`;
    expect(run(deepest, { a: -3 })).toBe(3);
    const chain = Array(FORMULA_LIMITS.maxDepth).fill("a").join("+");
    expect(run(chain, { a: 1 })).toBe(FORMULA_LIMITS.maxDepth);
    const largest = `SUM(${Array(FORMULA_LIMITS.maxNodes - 2)
      .fill("1")
      .join(",")})`;
    expect(run(largest)).toBe(FORMULA_LIMITS.maxNodes - 2);
  });
});
