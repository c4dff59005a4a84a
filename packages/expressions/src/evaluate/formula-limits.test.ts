import { describe, expect, it } from "vitest";
import { FORMULA_LIMITS, parseFormula } from "../formula";
import { evaluate } from "./index";

const ctx = { now: new Date("2024-03-15T02:30:00Z") };

function nested(depth: number, wrap: (inner: string) => string): string {
  let text = "x";
  for (let i = 1; i < depth; i++) text = wrap(text);
  return text;
}

describe("parser and evaluator limits agree", () => {
  it("evaluates every formula nested as deep as the parser allows", () => {
    const deepest = FORMULA_LIMITS.maxDepth;
    const calls = parseFormula(nested(deepest, (inner) => `ABS(${inner})`));
    const operators = parseFormula(nested(deepest, (inner) => `SUM(${inner},x)`));
    if (!calls.ok || !operators.ok) throw new Error("the parser must accept formulas at its depth limit");
    expect(evaluate(calls.logic, { x: -1 }, ctx)).toBe(1);
    expect(evaluate(operators.logic, { x: -1 }, ctx)).toBe(-deepest);
    expect(parseFormula(nested(deepest + 1, (inner) => `ABS(${inner})`)).ok).toBe(false);
  });
});
