import { describe, expect, it } from "vitest";
import { errorCode, formula } from "./test-support";

describe("math functions", () => {
  it("SUM, AVERAGE, COUNT, MAX, MIN flatten sub-form columns and skip blanks", () => {
    const data = { rows: [{ v: 1 }, { v: null }, { v: "x" }, { v: 4 }], blank: null };
    expect(formula("SUM(rows.v,10)", data)).toBe(15);
    expect(formula("AVERAGE(rows.v)", data)).toBe(2.5);
    expect(formula("COUNT(rows.v)", data)).toBe(2);
    expect(formula("COUNTA(rows.v)", data)).toBe(3);
    expect(formula("MAX(rows.v)", data)).toBe(4);
    expect(formula("MIN(rows.v,-1)", data)).toBe(-1);
    expect(formula("SUM(blank,2)", data)).toBe(2);
    expect(formula("MAX(blank)", data)).toBe(0);
  });

  it("coerces arguments written directly and errors on non-numeric text", () => {
    expect(formula('SUM("2",TRUE())')).toBe(3);
    expect(errorCode(formula('SUM("a",1)'))).toBe("#VALUE!");
    expect(errorCode(formula("AVERAGE(nothing)"))).toBe("#DIV/0!");
  });

  it("propagates an error inside a column", () => {
    expect(errorCode(formula("SUM(rows.v)", { rows: [{ v: 1 }] }))).toBeUndefined();
    expect(errorCode(formula("SUM(1/0,2)"))).toBe("#DIV/0!");
  });

  it("computes the design's total formula", () => {
    expect(formula("ROUND(SUM(items.subtotal)*(1-discount),2)")).toBe(31.5);
    expect(formula("SUMPRODUCT(items.price,items.qty)")).toBe(35);
    expect(errorCode(formula('SUMPRODUCT(items.price,SPLIT("1",","))'))).toBe("#VALUE!");
  });

  it("ROUND, ROUNDUP, ROUNDDOWN are decimal-correct", () => {
    expect(formula("ROUND(2.675,2)")).toBe(2.68);
    expect(formula("ROUND(1.005,2)")).toBe(1.01);
    expect(formula("ROUND(-2.5,0)")).toBe(-3);
    expect(formula("ROUND(1234.5,-2)")).toBe(1200);
    expect(formula("ROUND(2.5)")).toBe(3);
    expect(formula("ROUNDUP(1.001,2)")).toBe(1.01);
    expect(formula("ROUNDDOWN(1.999,2)")).toBe(1.99);
  });

  it("CEILING, FLOOR, INT, MOD follow Excel signs", () => {
    expect(formula("CEILING(-2.5,2)")).toBe(-2);
    expect(formula("CEILING(-2.5,-2)")).toBe(-4);
    expect(formula("FLOOR(-2.5,2)")).toBe(-4);
    expect(formula("CEILING(0.3,0.1)")).toBe(0.3);
    expect(errorCode(formula("CEILING(2.5,-2)"))).toBe("#NUM!");
    expect(formula("INT(-0.5)")).toBe(-1);
    expect(formula("MOD(3,-2)")).toBe(-1);
    expect(formula("MOD(5.5,2)")).toBe(1.5);
    expect(errorCode(formula("MOD(1,0)"))).toBe("#DIV/0!");
  });

  it("POWER, SQRT, LOG report #NUM! and #DIV/0! like Excel", () => {
    expect(formula("2^-1")).toBe(0.5);
    expect(errorCode(formula("POWER(0,-1)"))).toBe("#DIV/0!");
    expect(errorCode(formula("POWER(-8,1/3)"))).toBe("#NUM!");
    expect(errorCode(formula("SQRT(-1)"))).toBe("#NUM!");
    expect(formula("LOG(1000)")).toBe(3);
    expect(errorCode(formula("LOG(0)"))).toBe("#NUM!");
    expect(errorCode(formula("LOG(5,1)"))).toBe("#DIV/0!");
  });

  it("PRODUCT, LARGE, SMALL", () => {
    expect(formula("PRODUCT(items.qty)")).toBe(30);
    expect(formula("LARGE(items.subtotal,2)")).toBe(15);
    expect(formula("SMALL(items.subtotal,3)")).toBe(20);
    expect(errorCode(formula("LARGE(items.subtotal,4)"))).toBe("#NUM!");
  });

  it("FIXED formats with separators", () => {
    expect(formula("FIXED(1234567.891)")).toBe("1,234,567.89");
    expect(formula("FIXED(1234.5,0,TRUE())")).toBe("1235");
    expect(formula("FIXED(1234.5,0,1)")).toBe("1235");
    expect(formula("FIXED(1234.5,0,0)")).toBe("1,235");
    expect(formula("FIXED(-1.005,2)")).toBe("-1.01");
    expect(formula("FIXED(1250,-2)")).toBe("1,300");
  });

  it("RMBCAP writes Chinese currency amounts", () => {
    const cases: [number, string][] = [
      [1234.5, "壹仟贰佰叁拾肆元伍角"],
      [0, "零元整"],
      [100, "壹佰元整"],
      [0.05, "伍分"],
      [1.05, "壹元零伍分"],
      [10.5, "壹拾元伍角"],
      [100100, "壹拾万零壹佰元整"],
      [1010000000, "壹拾亿壹仟万元整"],
      [100000001, "壹亿零壹元整"],
      [-12.34, "负壹拾贰元叁角肆分"],
      [1.005, "壹元零壹分"],
    ];
    for (const [amount, words] of cases) expect(formula(`RMBCAP(${amount})`)).toBe(words);
    expect(errorCode(formula("RMBCAP(1e16)"))).toBe("#NUM!");
  });
});

describe("large sub-forms", () => {
  it("MAX and MIN handle more rows than a spread call accepts", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ v: i % 1000 }));
    expect(formula("MAX(rows.v)", { rows })).toBe(999);
    expect(formula("MIN(rows.v)", { rows })).toBe(0);
  });
});
