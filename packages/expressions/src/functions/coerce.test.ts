import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FormulaErrorValue } from "../types";
import { parseNumericText, toBoolean, toNumber, toText } from "./coerce";

describe("Excel coercion", () => {
  it("reads blanks as 0, empty text and FALSE", () => {
    for (const blank of [null, undefined, ""]) {
      expect(toNumber(blank)).toBe(0);
      expect(toBoolean(blank)).toBe(false);
    }
    expect(toText(null)).toBe("");
  });

  it("converts numeric text, booleans and rejects other text with #VALUE!", () => {
    expect(toNumber(" 12.5 ")).toBe(12.5);
    expect(toNumber("1,234")).toBe(1234);
    expect(toNumber("50%")).toBe(0.5);
    expect(toNumber("1e3")).toBe(1000);
    expect(toNumber(true)).toBe(1);
    expect((toNumber("abc") as FormulaErrorValue).code).toBe("#VALUE!");
    expect((toNumber("1,23") as FormulaErrorValue).code).toBe("#VALUE!");
    expect((toNumber({}) as FormulaErrorValue).code).toBe("#VALUE!");
    expect((toNumber(Number.NaN) as FormulaErrorValue).code).toBe("#NUM!");
  });

  it("uses a one-item column as its item and rejects longer columns", () => {
    expect(toNumber([7])).toBe(7);
    expect(toNumber([])).toBe(0);
    expect((toNumber([1, 2]) as FormulaErrorValue).code).toBe("#VALUE!");
  });

  it("prints numbers with 15 significant digits and booleans in capitals", () => {
    expect(toText(0.1 + 0.2)).toBe("0.3");
    expect(toText(12)).toBe("12");
    expect(toText(true)).toBe("TRUE");
  });

  it("reads TRUE/FALSE text and numbers as logical values", () => {
    expect(toBoolean("true")).toBe(true);
    expect(toBoolean(" FALSE ")).toBe(false);
    expect(toBoolean(2)).toBe(true);
    expect((toBoolean("yes") as FormulaErrorValue).code).toBe("#VALUE!");
  });

  it("parses every number it prints", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseNumericText(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
