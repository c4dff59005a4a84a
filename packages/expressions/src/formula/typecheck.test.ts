import { describe, expect, it } from "vitest";
import type { FormulaType, FunctionSpec } from "../types";
import { checkFormula, type FormulaEnvironment } from "./typecheck";

function spec(
  name: string,
  minArgs: number,
  maxArgs: number,
  args: FormulaType[],
  returns: FunctionSpec["returns"],
): FunctionSpec {
  const doc = { zh: name, en: name, example: `${name}()`, result: "" };
  return { name, category: "math", minArgs, maxArgs, args, returns, impl: () => null, doc };
}

const functions: Record<string, FunctionSpec> = {
  SUM: spec("SUM", 1, Number.POSITIVE_INFINITY, [{ array: "number" }], "number"),
  ROUND: spec("ROUND", 1, 2, ["number", "number"], "number"),
  IF: spec("IF", 2, 3, ["boolean", "any", "any"], (types) => types[1] ?? "any"),
  LEFT: spec("LEFT", 1, 2, ["text", "number"], "text"),
  YEAR: spec("YEAR", 1, 1, ["date"], "number"),
  TODAY: spec("TODAY", 0, 0, [], "date"),
  ISEMPTY: spec("ISEMPTY", 1, 1, ["any"], "boolean"),
};

const env: FormulaEnvironment = {
  fields: {
    discount: "number",
    name: "text",
    due: "date",
    done: "boolean",
    anything: "any",
    items: { array: "any" },
    "items.subtotal": { array: "number" },
    "items.note": { array: "text" },
  },
};

const check = (text: string) => checkFormula(text, env, { functions });
const codes = (text: string) => check(text).diagnostics.map((d) => d.code);

describe("result types", () => {
  it.each<[string, FormulaType]>([
    ["1 + discount", "number"],
    ['name & "!"', "text"],
    ["discount > 0.2", "boolean"],
    ["due + 30", "date"],
    ["30 + due", "date"],
    ["due - 7", "date"],
    ["due - TODAY()", "number"],
    ["+due", "date"],
    ['"2024-01-31" + 1', "date"],
    ['due - "2024-01-01"', "number"],
    ['+"abc"', "text"],
    ["50%", "number"],
    ["ROUND(SUM(items.subtotal) * (1 - discount), 2)", "number"],
    ['IF(done, name, "")', "text"],
    ["items.subtotal", { array: "number" }],
    ["anything", "any"],
  ])("%s is %j", (text, type) => {
    expect(check(text)).toEqual({ type, diagnostics: [] });
  });

  it("gives any for a formula that does not parse", () => {
    expect(check("1 +")).toMatchObject({ type: "any", diagnostics: [{ code: "SYNTAX" }] });
  });
});

describe("UNKNOWN_FIELD", () => {
  it("is reported at the ref, once per occurrence", () => {
    expect(check("price * qty + price").diagnostics).toEqual([
      {
        code: "UNKNOWN_FIELD",
        message: 'unknown field "price"',
        detail: { key: "unknownField", params: { field: "price" } },
        offset: 0,
        length: 5,
        line: 1,
        column: 1,
      },
      expect.objectContaining({ code: "UNKNOWN_FIELD", offset: 8, length: 3 }),
      expect.objectContaining({ code: "UNKNOWN_FIELD", offset: 14 }),
    ]);
  });

  it("uses own properties only, so prototype names are unknown fields", () => {
    expect(codes("constructor + tostring + items.constructor")).toEqual([
      "UNKNOWN_FIELD",
      "UNKNOWN_FIELD",
      "UNKNOWN_FIELD",
    ]);
  });

  it("is found inside the arguments of unknown functions too", () => {
    expect(codes("NOPE(price)")).toEqual(["UNKNOWN_FUNCTION", "UNKNOWN_FIELD"]);
  });
});

describe("TYPE_MISMATCH follows the evaluator's coercions", () => {
  it("flags a non-numeric text literal where a number is needed", () => {
    expect(check('"abc" * 2').diagnostics).toEqual([
      expect.objectContaining({
        code: "TYPE_MISMATCH",
        offset: 0,
        length: 5,
        message: expect.stringContaining("#VALUE!"),
      }),
    ]);
    expect(codes('-"abc"')).toEqual(["TYPE_MISMATCH"]);
    expect(codes('"abc" + 1')).toEqual(["TYPE_MISMATCH"]);
    expect(codes('ROUND(1, "x")')).toEqual(["TYPE_MISMATCH"]);
  });

  it("accepts what Excel converts: numeric text, text fields, dates, booleans", () => {
    expect(codes('"12" * 2 + "1,000.5" + name * 2 + done + LEFT(name) * 1 + 5%')).toEqual([]);
  });

  it("allows date ± days and date - date, and nothing else, since dates are ISO text at run time", () => {
    expect(codes("due * 2")).toEqual(["TYPE_MISMATCH"]);
    expect(codes("-due")).toEqual(["TYPE_MISMATCH"]);
    expect(codes("due%")).toEqual(["TYPE_MISMATCH"]);
    expect(codes("ROUND(due)")).toEqual(["TYPE_MISMATCH"]);
    expect(check("due + TODAY()").diagnostics).toEqual([
      expect.objectContaining({
        code: "TYPE_MISMATCH",
        offset: 6,
        length: 7,
        message: expect.stringContaining("two dates"),
      }),
    ]);
    expect(check("1 - due").diagnostics).toEqual([
      expect.objectContaining({
        code: "TYPE_MISMATCH",
        offset: 4,
        message: expect.stringContaining("only from a date"),
      }),
    ]);
    expect(codes('due + "x"')).toEqual(["TYPE_MISMATCH"]);
    expect(codes("due + discount - 1 + name")).toEqual([]);
  });

  it("checks logical positions", () => {
    expect(codes('IF("yes", 1, 2)')).toEqual(["TYPE_MISMATCH"]);
    expect(codes("IF(due, 1, 2)")).toEqual(["TYPE_MISMATCH"]);
    expect(codes('IF("true", 1, 2) + IF(discount, 1, 2) + IF(name, 1, 2)')).toEqual([]);
  });

  it("checks date positions", () => {
    expect(codes("YEAR(done)")).toEqual(["TYPE_MISMATCH"]);
    expect(codes('YEAR("soon")')).toEqual(["TYPE_MISMATCH"]);
    expect(codes('YEAR("2024-13") + YEAR("31.1.2024")')).toEqual(["TYPE_MISMATCH", "TYPE_MISMATCH"]);
    expect(
      codes('YEAR("2024-01-31") + YEAR("2024/1/31 08:00") + YEAR(45000) + YEAR(name) + YEAR(due)'),
    ).toEqual([]);
  });

  it("flags a sub-form column where one value is expected, but not in aggregates or any", () => {
    expect(check("items.subtotal * 2").diagnostics).toEqual([
      expect.objectContaining({
        code: "TYPE_MISMATCH",
        offset: 0,
        length: 14,
        message: expect.stringContaining("SUM"),
      }),
    ]);
    expect(codes("items.note & 1")).toEqual(["TYPE_MISMATCH"]);
    expect(codes("items.subtotal > 1")).toEqual(["TYPE_MISMATCH"]);
    expect(codes("ROUND(items.subtotal)")).toEqual(["TYPE_MISMATCH"]);
    expect(codes("SUM(items.subtotal, 1, discount) + ISEMPTY(items)")).toEqual([]);
  });

  it("flags columns whose cells an aggregate would ignore", () => {
    expect(check("SUM(items.note)").diagnostics).toEqual([
      expect.objectContaining({
        code: "TYPE_MISMATCH",
        offset: 4,
        message: expect.stringContaining("only number cells"),
      }),
    ]);
    expect(
      checkFormula("SUM(c)", { fields: { c: { array: "date" } } }, { functions }).diagnostics,
    ).toHaveLength(1);
  });

  it("checks single values given to an aggregate like any number position", () => {
    expect(check('SUM(items.subtotal, "x", due)').diagnostics).toEqual([
      expect.objectContaining({ code: "TYPE_MISMATCH", offset: 20 }),
      expect.objectContaining({ code: "TYPE_MISMATCH", offset: 25 }),
    ]);
  });

  it("never flags any or blank", () => {
    expect(codes("anything * 2 + SUM(anything) + YEAR(anything)")).toEqual([]);
    expect(checkFormula("x * 2", { fields: { x: "null" } }, { functions }).diagnostics).toEqual([]);
  });
});

describe("ARITY and ordering", () => {
  it("reports arity errors and type errors sorted by position", () => {
    expect(codes('ROUND() + "a" * 1')).toEqual(["ARITY", "TYPE_MISMATCH"]);
    expect(codes('"a" * ROUND()')).toEqual(["TYPE_MISMATCH", "ARITY"]);
  });

  it("checks against the built-in library by default", () => {
    expect(checkFormula("SUM(items.subtotal)", env).type).toBe("number");
  });
});
