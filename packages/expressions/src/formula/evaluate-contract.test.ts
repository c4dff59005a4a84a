import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { isError } from "../functions";
import type { EvalContext } from "../types";
import { parseFormula } from "./analyze";
import { FORMULA_LIMITS } from "./ast";
import { printFormula } from "./print";
import { randomTree } from "./test-arbitraries";
import { checkFormula } from "./typecheck";

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

describe("the type checker flags exactly what the evaluator rejects", () => {
  const fields = {
    due: "date",
    start: "date",
    name: "text",
    n: "number",
    items: { array: "number" },
  } as const;
  const data = { due: "2026-03-20", start: "2026-03-01", name: "42", n: 2, items: [1, 2] };

  it.each([
    '"abc" * 2',
    "due * 2",
    "-due",
    "1 - due",
    "due + start",
    'IF("yes", 1, 2)',
    "IF(due, 1, 2)",
    'YEAR("soon")',
    "ROUND(due)",
  ])("%s is a TYPE_MISMATCH and #VALUE!", (text) => {
    expect(checkFormula(text, { fields }).diagnostics.map((d) => d.code)).toContain("TYPE_MISMATCH");
    expect(isError(run(text, data))).toBe(true);
  });

  it.each([
    '"12" * 2',
    "name * 2",
    "due + 3",
    "3 + due",
    "due - 3",
    "due - start",
    '"2026-01-31" + 1',
    "TRUE + 1",
    "YEAR(due) + SUM(items, n)",
    'IF("true", 1, 2)',
  ])("%s passes both", (text) => {
    expect(checkFormula(text, { fields }).diagnostics).toEqual([]);
    expect(isError(run(text, data))).toBe(false);
  });
});

describe("every formula that parses evaluates", () => {
  it("gives a value or an Excel error for random formulas, never an exception", () => {
    const data = fc.dictionary(
      fc.stringMatching(/^[a-z]{1,3}$/),
      fc.oneof(fc.double(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null)),
    );
    fc.assert(
      fc.property(randomTree, data, (tree, record) => {
        const parsed = parseFormula(printFormula(tree));
        if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
        expect(() => evaluate(parsed.logic, record, ctx)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
