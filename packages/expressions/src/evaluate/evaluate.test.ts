import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { FormulaErrorValue } from "../types";
import { compiledIfSeenBefore } from "./compile";
import { compileLogic, evaluate, evaluateRule, LogicLimitError } from "./index";

const ctx = { now: new Date("2024-03-15T02:30:00Z") };
const code = (v: unknown) => (v instanceof FormulaErrorValue ? v.code : undefined);

describe("evaluate: display rules and validations", () => {
  const rule = { ">": [{ var: "discount" }, 0.2] };
  it("runs the design's rules", () => {
    expect(evaluateRule(rule, { discount: 0.3 }, ctx)).toBe(true);
    expect(evaluateRule(rule, { discount: 0.1 }, ctx)).toBe(false);
    expect(evaluateRule({ "<=": [{ var: "discount" }, 0.5] }, { discount: 0.6 }, ctx)).toBe(false);
  });

  it("treats a blank as 0 against a number, as Excel does", () => {
    expect(evaluateRule({ "<=": [{ var: "discount" }, 0.5] }, {}, ctx)).toBe(true);
    expect(evaluateRule(rule, {}, ctx)).toBe(false);
  });

  it("compares numeric text with numbers numerically, other text after numbers", () => {
    expect(evaluate({ ">": ["10", 9] }, {}, ctx)).toBe(true);
    expect(evaluate({ ">": ["abc", 9] }, {}, ctx)).toBe(true);
    expect(evaluate({ "<": ["a", "B"] }, {}, ctx)).toBe(true);
    expect(evaluate({ "=": ["Abc", "aBC"] }, {}, ctx)).toBe(true);
    expect(evaluate({ "=": [{ "+": [0.1, 0.2] }, 0.3] }, {}, ctx)).toBe(true);
    expect(evaluate({ "<>": [null, 0] }, {}, ctx)).toBe(false);
    expect(evaluate({ "=": ["2024-03-01", "2024-03-01T00:00:00+08:00"] }, {}, ctx)).toBe(true);
    expect(evaluate({ "<": ["2024-03-01", "2024-02-29T23:00:00Z"] }, {}, ctx)).toBe(true);
    expect(evaluate({ "<": [false, true] }, {}, ctx)).toBe(true);
  });

  it("keeps json-logic's shapes: variadic + and *, unary -, between", () => {
    expect(evaluate({ "+": [1, 2, 3] }, {}, ctx)).toBe(6);
    expect(evaluate({ "+": ["3"] }, {}, ctx)).toBe(3);
    expect(evaluate({ "*": [2, 3, 4] }, {}, ctx)).toBe(24);
    expect(evaluate({ "*": ["2"] }, {}, ctx)).toBe(2);
    expect(evaluate({ "-": [5] }, {}, ctx)).toBe(-5);
    expect(evaluate({ "<": [1, { var: "x" }, 3] }, { x: 2 }, ctx)).toBe(true);
    expect(evaluate({ "<=": [1, { var: "x" }, 3] }, { x: 4 }, ctx)).toBe(false);
  });

  it("gives Excel errors where json-logic gives NaN or Infinity", () => {
    expect(code(evaluate({ "/": [1, 0] }, {}, ctx))).toBe("#DIV/0!");
    expect(code(evaluate({ "+": ["a", 1] }, {}, ctx))).toBe("#VALUE!");
    expect(code(evaluate({ "*": [] }, {}, ctx))).toBe("#VALUE!");
    expect(code(evaluate({ "-": [] }, {}, ctx))).toBe("#VALUE!");
    expect(code(evaluate({ "^": [10, 400] }, {}, ctx))).toBe("#NUM!");
    expect(evaluate({ "+": [null, 1] }, {}, ctx)).toBe(1);
    expect(evaluate({ "&": ["a", null] }, {}, ctx)).toBe("a");
  });

  it("counts a formula error as false in rules and propagates it through comparisons", () => {
    expect(code(evaluate({ ">": [{ "/": [1, 0] }, 1] }, {}, ctx))).toBe("#DIV/0!");
    expect(evaluateRule({ ">": [{ "/": [1, 0] }, 1] }, {}, ctx)).toBe(false);
    expect(evaluateRule({ "!": [{ "/": [1, 0] }] }, {}, ctx)).toBe(true);
    expect(evaluate({ or: [{ "/": [1, 0] }, "x"] }, {}, ctx)).toBe("x");
  });

  it("supports the rest of json-logic", () => {
    const data = { a: [1, 2, 3], s: "hello", n: null };
    expect(evaluate({ in: ["ell", { var: "s" }] }, data, ctx)).toBe(true);
    expect(evaluate({ map: [{ var: "a" }, { "*": [{ var: "" }, 2] }] }, data, ctx)).toEqual([2, 4, 6]);
    expect(evaluate({ filter: [{ var: "a" }, { ">": [{ var: "" }, 1] }] }, data, ctx)).toEqual([2, 3]);
    expect(
      evaluate(
        { reduce: [{ var: "a" }, { "+": [{ var: "current" }, { var: "accumulator" }] }, 0] },
        data,
        ctx,
      ),
    ).toBe(6);
    expect(evaluate({ all: [{ var: "a" }, { ">": [{ var: "" }, 0] }] }, data, ctx)).toBe(true);
    expect(evaluate({ some: [[], true] }, data, ctx)).toBe(false);
    expect(evaluate({ none: [{ var: "a" }, { ">": [{ var: "" }, 5] }] }, data, ctx)).toBe(true);
    expect(evaluate({ missing: ["a", "n", "z"] }, data, ctx)).toEqual(["n", "z"]);
    expect(evaluate({ missing_some: [1, ["a", "z"]] }, data, ctx)).toEqual([]);
    expect(evaluate({ merge: [[1], 2, [3]] }, data, ctx)).toEqual([1, 2, 3]);
    expect(evaluate({ cat: ["a", 1, null] }, data, ctx)).toBe("a1");
    expect(evaluate({ substr: ["jsonlogic", -5, -2] }, data, ctx)).toBe("log");
    expect(evaluate({ var: ["z", "dflt"] }, data, ctx)).toBe("dflt");
    expect(evaluate({ var: "a.1" }, data, ctx)).toBe(2);
    expect(evaluate({ "?:": [false, 1, 2] }, data, ctx)).toBe(2);
    expect(evaluate({ if: [] }, data, ctx)).toBeNull();
  });

  it("projects a sub-form column through a dotted path", () => {
    const data = { items: [{ subtotal: 1 }, {}, { subtotal: 3 }] };
    expect(evaluate({ var: "items.subtotal" }, data, ctx)).toEqual([1, null, 3]);
    expect(evaluate({ SUM: [{ var: "items.subtotal" }] }, data, ctx)).toBe(4);
    expect(evaluate({ var: "items.0.subtotal" }, data, ctx)).toBe(1);
  });

  it("never reaches the prototype chain", () => {
    const data = JSON.parse('{"a": {"__proto__": {"polluted": 1}}, "o": {}}');
    for (const path of [
      "constructor",
      "o.constructor",
      "toString",
      "__proto__",
      "o.__proto__.polluted",
      "a.__proto__",
    ]) {
      expect(evaluate({ var: path }, data, ctx)).toBeNull();
    }
    expect(evaluate({ var: "s.length" }, { s: "abc" }, ctx)).toBe(3);
    expect(code(evaluate({ method: ["abc", "toUpperCase"] }, {}, ctx))).toBe("#NAME?");
    expect(code(evaluate({ __proto__: [1] } as unknown as object, {}, ctx))).toBeUndefined();
    expect(code(evaluate(JSON.parse('{"__proto__": [1]}'), {}, ctx))).toBe("#NAME?");
    expect(code(evaluate({ constructor: ["return process"] }, {}, ctx))).toBe("#NAME?");
  });

  it("reports unknown operations and wrong arity as errors, not exceptions", () => {
    expect(code(evaluate({ NOPE: [1] }, {}, ctx))).toBe("#NAME?");
    expect(code(evaluate({ ROUND: [] }, {}, ctx))).toBe("#VALUE!");
    expect(code(evaluate({ "==": [{ var: "x" }, 1] }, { x: Object.create(null) }, ctx))).toBe("#VALUE!");
  });

  it("rejects logic that is too deep or too large with LogicLimitError", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { "+": [deep, 1] };
    expect(() => evaluate(deep, {}, ctx)).toThrow(LogicLimitError);
    let ok: unknown = 1;
    for (let i = 0; i < 30; i++) ok = { "+": [ok, 1] };
    expect(evaluate(ok, {}, ctx)).toBe(31);
    const wide = { cat: Array.from({ length: 10_001 }, () => "x") };
    expect(() => evaluate(wide, {}, ctx)).toThrow(/more than 10000 nodes/);
    const cyclic: { "!": unknown[] } = { "!": [] };
    cyclic["!"].push(cyclic);
    expect(() => evaluate(cyclic, {}, ctx)).toThrow(LogicLimitError);
  });

  it("leaves the global json-logic-js instance untouched", () => {
    expect(() => jsonLogic.apply({ SUM: [1, 2] } as never, {})).toThrow(/Unrecognized operation/);
    expect(jsonLogic.apply({ "/": [1, 0] }, {})).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("compileLogic cache", () => {
  it("keeps logic that is evaluated again and compiles one-off logic afresh", () => {
    const rule = { "==": [1, 1] };
    const first = compileLogic(rule);
    const second = compileLogic(rule);
    expect(compileLogic(rule)).toBe(second);
    expect(first).not.toBe(second);
    expect(second({}, ctx)).toBe(true);
  });

  it("compiles logic that evaluate meets again and again", () => {
    const rule = { "<": [{ var: "a" }, 3] };
    // Each evaluation remembers new logic with probability 1/8: 200 misses in a row is below 1e-11.
    for (let i = 0; i < 200; i++) expect(evaluate(rule, { a: i }, ctx)).toBe(i < 3);
    const compiled = compiledIfSeenBefore(rule, false);
    expect(compiled).toBeTypeOf("function");
    expect(compiledIfSeenBefore(rule, false)).toBe(compiled);
  });
});
