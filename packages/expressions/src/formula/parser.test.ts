import { describe, expect, it } from "vitest";
import { FORMULA_LIMITS, type FormulaNode } from "./ast";
import { compileFormula } from "./compile";
import { parseSyntax } from "./parser";

function ast(text: string): FormulaNode {
  const result = parseSyntax(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.ast;
}

const logic = (text: string) => compileFormula(ast(text));

function syntaxError(text: string) {
  const result = parseSyntax(text);
  if (result.ok) throw new Error(`expected an error for ${text}`);
  return result.error;
}

describe("precedence (Excel's order)", () => {
  it("binds unary minus tighter than ^, so -2^2 is (-2)^2", () => {
    expect(logic("-2^2")).toEqual({ "^": [{ "-": [2] }, 2] });
  });

  it("groups ^ to the left, so 2^3^2 is (2^3)^2", () => {
    expect(logic("2^3^2")).toEqual({ "^": [{ "^": [2, 3] }, 2] });
  });

  it("puts & below + and -, so 1+2&3 joins 3 to the sum", () => {
    expect(logic("1+2&3")).toEqual({ "&": [{ "+": [1, 2] }, 3] });
  });

  it("puts comparisons below &", () => {
    expect(logic('a&"x" = b')).toEqual({ "=": [{ "&": [{ var: "a" }, "x"] }, { var: "b" }] });
  });

  it("puts * and / above + and -, ^ above them, all left-associative", () => {
    expect(logic("1+2*3^2")).toEqual({ "+": [1, { "*": [2, { "^": [3, 2] }] }] });
    expect(logic("8/4/2")).toEqual({ "/": [{ "/": [8, 4] }, 2] });
    expect(logic("8-4-2")).toEqual({ "-": [{ "-": [8, 4] }, 2] });
    expect(logic("1<2<>TRUE")).toEqual({ "<>": [{ "<": [1, 2] }, true] });
  });

  it("binds % tightest, even inside unary minus", () => {
    expect(logic("-50%")).toEqual({ "-": [{ "/": [50, 100] }] });
    expect(logic("2^50%")).toEqual({ "^": [2, { "/": [50, 100] }] });
    expect(logic("a%%")).toEqual({ "/": [{ "/": [{ var: "a" }, 100] }, 100] });
  });

  it("lets a unary operator start any operand", () => {
    expect(logic("2^-1")).toEqual({ "^": [2, { "-": [1] }] });
    expect(logic("2*-3^2")).toEqual({ "*": [2, { "^": [{ "-": [3] }, 2] }] });
    expect(logic("--+1")).toEqual({ "-": [{ "-": [1] }] });
  });

  it("lets parentheses override precedence", () => {
    expect(logic("-(2^2)")).toEqual({ "-": [{ "^": [2, 2] }] });
    expect(logic("2^(3^2)")).toEqual({ "^": [2, { "^": [3, 2] }] });
    expect(logic("(1 + 2) * 3")).toEqual({ "*": [{ "+": [1, 2] }, 3] });
  });
});

describe("values", () => {
  it("reads TRUE and FALSE in any case, and TRUE() as a call", () => {
    expect(logic("true")).toBe(true);
    expect(logic("False")).toBe(false);
    expect(logic("TRUE()")).toEqual({ TRUE: [] });
  });

  it("upper-cases function names and always gives an argument array", () => {
    expect(logic("round(sum(items.subtotal) * (1 - discount), 2)")).toEqual({
      ROUND: [{ "*": [{ SUM: [{ var: "items.subtotal" }] }, { "-": [1, { var: "discount" }] }] }, 2],
    });
    expect(logic("Today ( )")).toEqual({ TODAY: [] });
  });

  it("accepts an Excel-style leading =", () => {
    expect(logic(" =a=1")).toEqual({ "=": [{ var: "a" }, 1] });
  });
});

describe("positions", () => {
  it("spans every node over its text", () => {
    const tree = ast("  SUM(a, -b%) ");
    expect(tree).toMatchObject({
      kind: "call",
      span: { offset: 2, length: 11 },
      nameSpan: { offset: 2, length: 3 },
    });
    if (tree.kind !== "call") throw new Error("not a call");
    expect(tree.args[0]).toMatchObject({ kind: "ref", span: { offset: 6, length: 1 } });
    expect(tree.args[1]).toMatchObject({ kind: "unary", span: { offset: 9, length: 3 } });
  });

  it("spans binary nodes from the left operand to the right one", () => {
    expect(ast("a +\n b")).toMatchObject({ kind: "binary", span: { offset: 0, length: 6 } });
  });

  it("includes an operand's parentheses in its parent's span, not in the operand's own", () => {
    const tree = ast("(a + b) * c");
    expect(tree).toMatchObject({ kind: "binary", span: { offset: 0, length: 11 } });
    if (tree.kind !== "binary") throw new Error("not binary");
    expect(tree.left.span).toEqual({ offset: 1, length: 5 });
  });
});

describe("syntax errors say what was expected, where", () => {
  it.each([
    ["", 0, 0, "expected a value"],
    ["1 +", 3, 0, "expected a value"],
    ["(1", 2, 0, 'expected ")"'],
    ["SUM(1 2)", 6, 1, 'expected "," or ")" in the arguments of SUM'],
    ["SUM(1,)", 6, 1, "expected a value"],
    ["a b", 2, 1, "expected an operator or the end of the formula"],
    ["1)", 1, 1, "expected an operator"],
    ["* 2", 0, 1, "expected a value"],
    ["a.b.c", 0, 5, "one dot at most"],
    ["Discount", 0, 8, 'did you mean "discount"'],
    ["items.Sub", 6, 3, 'did you mean "sub"'],
    ["_x", 0, 2, "not a valid field id"],
    ["a b $", 2, 1, "expected an operator"],
    ["1 + $ b", 4, 1, "unexpected character"],
  ])("%j", (text, offset, length, message) => {
    expect(syntaxError(text)).toMatchObject({
      code: "SYNTAX",
      offset,
      length,
      message: expect.stringContaining(message),
    });
  });
});

describe("limits", () => {
  const { maxDepth, maxNodes } = FORMULA_LIMITS;

  it(`allows ${maxDepth} levels of calls, operators and refs, and rejects one more`, () => {
    expect(parseSyntax(`${"ABS(".repeat(maxDepth - 1)}a${")".repeat(maxDepth - 1)}`).ok).toBe(true);
    expect(syntaxError(`${"ABS(".repeat(maxDepth)}a${")".repeat(maxDepth)}`)).toMatchObject({
      code: "TOO_DEEP",
      offset: 0,
      length: 3,
    });
  });

  it("counts a left-leaning chain of operators as nesting", () => {
    expect(parseSyntax(Array(maxDepth).fill("a").join("+")).ok).toBe(true);
    expect(
      syntaxError(
        Array(maxDepth + 1)
          .fill("a")
          .join("+"),
      ),
    ).toMatchObject({
      code: "TOO_DEEP",
      message: expect.stringContaining("SUM(a, b, ...)"),
    });
  });

  it("allows redundant parentheses beyond the tree limit, up to a bound", () => {
    expect(parseSyntax(`${"(".repeat(maxDepth * 2)}1${")".repeat(maxDepth * 2)}`).ok).toBe(true);
    expect(syntaxError(`${"(".repeat(maxDepth * 3)}1${")".repeat(maxDepth * 3)}`)).toMatchObject({
      code: "TOO_DEEP",
      offset: maxDepth * 3 - 1,
    });
  });

  it("gives TOO_DEEP for 10,000 nested parentheses, quickly", () => {
    const started = performance.now();
    expect(syntaxError(`${"(".repeat(10_000)}1${")".repeat(10_000)}`)).toMatchObject({
      code: "TOO_DEEP",
      length: 1,
      message: expect.stringContaining("parentheses"),
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("bounds unary chains and nested calls without overflowing the stack", () => {
    expect(syntaxError(`${"-".repeat(10_000)}1`)).toMatchObject({ code: "TOO_DEEP" });
    expect(syntaxError(`${"ABS(".repeat(5_000)}1${")".repeat(5_000)}`)).toMatchObject({ code: "TOO_DEEP" });
  });

  it(`bounds the compiled json-logic to ${maxNodes} values`, () => {
    // SUM(...) compiles to an object and an array around its arguments: 2 values plus one per literal.
    expect(
      parseSyntax(
        `SUM(${Array(maxNodes - 2)
          .fill("1")
          .join(",")})`,
      ).ok,
    ).toBe(true);
    expect(
      syntaxError(
        `SUM(${Array(maxNodes - 1)
          .fill("1")
          .join(",")})`,
      ),
    ).toMatchObject({
      code: "TOO_LONG",
      offset: 0,
      length: 3,
    });
  });
});
