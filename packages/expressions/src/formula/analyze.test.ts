import { describe, expect, it } from "vitest";
import { FORMULA_DIAGNOSTIC_KEYS } from "../types";
import { analyzeFormula, parseFormula } from "./analyze";
import { FORMULA_LIMITS } from "./ast";
import type { FunctionTable } from "./calls";
import { checkFormula } from "./typecheck";

const functions: FunctionTable = {
  SUM: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY },
  IF: { minArgs: 2, maxArgs: 3 },
  TODAY: { minArgs: 0, maxArgs: 0 },
};

function diagnostics(text: string) {
  const result = parseFormula(text, { functions });
  if (result.ok) throw new Error(`expected diagnostics for ${text.slice(0, 40)}`);
  return result.diagnostics;
}

describe("parseFormula", () => {
  it("gives json-logic, the refs in order of appearance, and the tree", () => {
    const result = parseFormula("IF(discount > 0.2, items.subtotal, discount)", { functions });
    expect(result).toMatchObject({
      ok: true,
      logic: { IF: [{ ">": [{ var: "discount" }, 0.2] }, { var: "items.subtotal" }, { var: "discount" }] },
      refs: ["discount", "items.subtotal"],
      ast: { kind: "call", name: "IF" },
    });
  });

  it("uses the built-in function library by default", () => {
    expect(parseFormula("sum(1, 2)")).toMatchObject({ ok: true, logic: { SUM: [1, 2] } });
  });

  it("reports every unknown function at its name and every arity error", () => {
    expect(diagnostics("NOPE(1) + SUM() + IF(1, 2, 3, 4) + today(1)")).toEqual([
      {
        code: "UNKNOWN_FUNCTION",
        message: "unknown function NOPE",
        detail: { key: "unknownFunction", params: { name: "NOPE" } },
        offset: 0,
        length: 4,
        line: 1,
        column: 1,
      },
      {
        code: "ARITY",
        message: "SUM takes at least 1 argument, got 0",
        detail: {
          key: "arityAtLeast",
          params: { name: "SUM", min: 1, max: Number.POSITIVE_INFINITY, got: 0 },
        },
        offset: 10,
        length: 3,
        line: 1,
        column: 11,
      },
      {
        code: "ARITY",
        message: "IF takes 2 to 3 arguments, got 4",
        detail: { key: "arityBetween", params: { name: "IF", min: 2, max: 3, got: 4 } },
        offset: 18,
        length: 2,
        line: 1,
        column: 19,
      },
      {
        code: "ARITY",
        message: "TODAY takes exactly 0 arguments, got 1",
        detail: { key: "arityExactly", params: { name: "TODAY", min: 0, max: 0, got: 1 } },
        offset: 35,
        length: 5,
        line: 1,
        column: 36,
      },
    ]);
  });

  it("locates errors by line and column across line breaks", () => {
    expect(diagnostics("SUM(1,\r\n  2) +\n\n  NOPE()")).toEqual([
      expect.objectContaining({ code: "UNKNOWN_FUNCTION", offset: 18, line: 4, column: 3 }),
    ]);
    expect(diagnostics("1 +\r2 +\n")).toEqual([
      expect.objectContaining({ code: "SYNTAX", line: 3, column: 1 }),
    ]);
  });

  it("gives TOO_LONG for a 1 MB formula, quickly, where the limit is passed", () => {
    const text = `${"1+".repeat(512 * 1024)}1`;
    const started = performance.now();
    const [error] = diagnostics(text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ code: "TOO_LONG", offset: FORMULA_LIMITS.maxBytes, line: 1 });
    expect(error!.offset + error!.length).toBe(text.length);
  });

  it("counts the limit in UTF-8 bytes, so Chinese text reaches it sooner", () => {
    const text = `"${"汉".repeat(22_000)}"`;
    expect(diagnostics(text)).toEqual([expect.objectContaining({ code: "TOO_LONG", offset: 1 + 21_845 })]);
    expect(parseFormula(`"${"汉".repeat(21_000)}"`, { functions }).ok).toBe(true);
  });

  it("answers prototype payloads with clear, positioned errors", () => {
    expect(diagnostics('constructor.constructor("return process")()')).toEqual([
      expect.objectContaining({
        code: "SYNTAX",
        offset: 41,
        message: expect.stringContaining("expected an operator"),
      }),
    ]);
    expect(diagnostics('constructor.constructor("return process")')).toEqual([
      expect.objectContaining({ code: "UNKNOWN_FUNCTION", offset: 0, length: 23 }),
    ]);
    expect(diagnostics("__proto__")).toEqual([
      expect.objectContaining({ code: "SYNTAX", offset: 0, length: 9 }),
    ]);
    expect(diagnostics("a.__proto__")).toEqual([
      expect.objectContaining({ code: "SYNTAX", offset: 2, length: 9 }),
    ]);
    for (const name of ["toString", "constructor", "hasOwnProperty", "__proto__", "valueOf"]) {
      expect(diagnostics(`${name}()`)).toEqual([
        expect.objectContaining({ code: "UNKNOWN_FUNCTION", offset: 0, length: name.length }),
      ]);
    }
  });

  it("treats prototype-like lower-case ids as ordinary field refs", () => {
    expect(parseFormula("constructor + prototype", { functions })).toMatchObject({
      ok: true,
      refs: ["constructor", "prototype"],
    });
  });

  it("never throws on a value that is not text", () => {
    expect(parseFormula(undefined as unknown as string)).toMatchObject({
      ok: false,
      diagnostics: [{ code: "SYNTAX" }],
    });
  });
});

describe("analyzeFormula", () => {
  it("reports refs even when a function is unknown, so field names can still be checked", () => {
    expect(analyzeFormula("NOPE(a, b.c) + a", { functions })).toEqual({
      refs: ["a", "b.c"],
      diagnostics: [expect.objectContaining({ code: "UNKNOWN_FUNCTION", line: 1, column: 1, length: 4 })],
    });
  });

  it("gives no refs for text that does not parse", () => {
    expect(analyzeFormula("a +", { functions })).toMatchObject({
      refs: [],
      diagnostics: [{ code: "SYNTAX" }],
    });
  });

  it("gives nothing to fix for a valid formula", () => {
    expect(analyzeFormula("ROUND(SUM(items.subtotal) * (1 - discount), 2)")).toEqual({
      refs: ["items.subtotal", "discount"],
      diagnostics: [],
    });
  });
});

describe("diagnostic details", () => {
  it("gives every diagnostic a key the UI can word, with the values it names", () => {
    const env = {
      fields: { price: "number" as const, name: "text" as const, items: { array: "text" as const } },
    };
    const bad = [
      "1e",
      '1 & "abc',
      "1 ＋ 2",
      "客户 + 1",
      "1 $ 2",
      "1 2",
      "(1 + 2",
      "1 +",
      "a.b.c",
      "Price + 1",
      "SUM(1 2)",
      "NOPE(1) + SUM() + IF(1, 2, 3, 4) + TODAY(1)",
      "SUM(items) + price * items + TODAY() + TODAY()",
      'price * "abc" + (TODAY() - 1 > 0) + IF(TODAY(), 1, 2) + DATE(TRUE, 1, 1) + missing',
      "TODAY() + TODAY()",
      "1 - TODAY()",
    ];
    const diagnostics = bad.flatMap((formula) => checkFormula(formula, env).diagnostics);
    expect(diagnostics.length).toBeGreaterThan(15);
    for (const d of diagnostics) expect(FORMULA_DIAGNOSTIC_KEYS).toContain(d.detail?.key);
    expect(checkFormula("1 ＋ 2", env).diagnostics[0]?.detail).toEqual({
      key: "fullWidth",
      params: { char: "＋", replacement: "+" },
    });
    expect(checkFormula("(1 + 2", env).diagnostics[0]?.detail).toEqual({ key: "unclosedParen", params: {} });
    expect(checkFormula("Price + 1", env).diagnostics[0]?.detail).toEqual({
      key: "upperCaseId",
      params: { text: "Price", suggestion: "price" },
    });
  });
});
