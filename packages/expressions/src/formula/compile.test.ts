import { describe, expect, it } from "vitest";
import type { FormulaNode } from "./ast";
import { collectRefs, compileFormula } from "./compile";
import { parseSyntax } from "./parser";

function ast(text: string): FormulaNode {
  const result = parseSyntax(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.ast;
}

describe("compileFormula: the json-logic contract with the evaluator", () => {
  it.each([
    ["discount", { var: "discount" }],
    ["items.subtotal", { var: "items.subtotal" }],
    ["1.5e3", 1500],
    ["TRUE", true],
    ['"a""b"', 'a"b'],
    ["-a", { "-": [{ var: "a" }] }],
    ["+a", { var: "a" }],
    ["a%", { "/": [{ var: "a" }, 100] }],
    ["MAX()", { MAX: [] }],
  ])("%s", (text, logic) => {
    expect(compileFormula(ast(text))).toEqual(logic);
  });

  it.each(["+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">="])("binary %s", (operator) => {
    expect(compileFormula(ast(`a ${operator} 2`))).toEqual({ [operator]: [{ var: "a" }, 2] });
  });

  it("keeps a string literal that looks like json-logic a plain string", () => {
    expect(compileFormula(ast('"var"'))).toBe("var");
  });

  it("makes call names own properties, whatever they are", () => {
    const logic = compileFormula({
      kind: "call",
      name: "__proto__",
      args: [],
      span: { offset: 0, length: 0 },
      nameSpan: { offset: 0, length: 0 },
    });
    expect(Object.hasOwn(logic as object, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(logic)).toBe(Object.prototype);
  });
});

describe("collectRefs", () => {
  it("lists each ref once, in order of first appearance, from every kind of node", () => {
    expect(collectRefs(ast("IF(b > 1, -a%, b & c.d) + a"))).toEqual(["b", "a", "c.d"]);
  });
});
