import { describe, expect, it } from "vitest";
import { errorCode, formula } from "./test-support";

const data = {
  rows: [
    { name: "Apple", qty: 10, amount: 1.5, day: "2024-03-01" },
    { name: "apricot", qty: 5, amount: 2, day: "2024-03-05" },
    { name: "Banana", qty: 20, amount: 4, day: "2024-03-10" },
    { name: "", qty: null, amount: 8, day: null },
  ],
};

describe("conditional aggregates", () => {
  it("SUMIF with comparison criteria, a separate sum column and blanks", () => {
    expect(formula('SUMIF(rows.qty,">5")', data)).toBe(30);
    expect(formula('SUMIF(rows.qty,">=10",rows.amount)', data)).toBe(5.5);
    expect(formula("SUMIF(rows.qty,10,rows.amount)", data)).toBe(1.5);
    expect(formula('SUMIF(rows.name,"",rows.amount)', data)).toBe(8);
    expect(formula('SUMIF(rows.name,"<>",rows.amount)', data)).toBe(7.5);
  });

  it("COUNTIF matches text case-insensitively with wildcards", () => {
    expect(formula('COUNTIF(rows.name,"ap*")', data)).toBe(2);
    expect(formula('COUNTIF(rows.name,"=apple")', data)).toBe(1);
    expect(formula('COUNTIF(rows.name,"<>apple")', data)).toBe(3);
    expect(formula('COUNTIF(rows.name,"?????")', data)).toBe(1);
    expect(formula('COUNTIF(rows.name,">b")', data)).toBe(1);
    expect(formula('COUNTIF(rows.qty,"<>10")', data)).toBe(3);
  });

  it("criteria on dates compare points in time", () => {
    expect(formula('COUNTIF(rows.day,">=2024-03-05")', data)).toBe(2);
    expect(formula('SUMIF(rows.day,"<2024-03-05",rows.amount)', data)).toBe(1.5);
  });

  it("AVERAGEIF is #DIV/0! when nothing matches", () => {
    expect(formula('AVERAGEIF(rows.qty,">5")', data)).toBe(15);
    expect(errorCode(formula('AVERAGEIF(rows.qty,">100")', data))).toBe("#DIV/0!");
  });

  it("columns of different lengths are #VALUE!, errors propagate", () => {
    expect(errorCode(formula('SUMIF(rows.qty,">1",SPLIT("1,2",","))', data))).toBe("#VALUE!");
    expect(errorCode(formula("COUNTIF(rows.qty,1/0)", data))).toBe("#DIV/0!");
  });

  it("the *IFS functions require every condition, in value-column-first order", () => {
    expect(formula('SUMIFS(rows.amount,rows.qty,">=5",rows.name,"a*")', data)).toBe(3.5);
    expect(formula('COUNTIFS(rows.qty,">=5",rows.name,"<>apple")', data)).toBe(2);
    expect(formula('AVERAGEIFS(rows.amount,rows.qty,">0",rows.day,">=2024-03-05")', data)).toBe(3);
    expect(formula('MAXIFS(rows.amount,rows.qty,"<20")', data)).toBe(2);
    expect(formula('MINIFS(rows.amount,rows.name,"b*")', data)).toBe(4);
    expect(formula('MAXIFS(rows.amount,rows.qty,">100")', data)).toBe(0);
    expect(errorCode(formula('AVERAGEIFS(rows.amount,rows.qty,">100")', data))).toBe("#DIV/0!");
    expect(errorCode(formula('SUMIFS(rows.amount,rows.qty,">1",rows.name)', data))).toBe("#VALUE!");
    expect(errorCode(formula('SUMIFS(rows.amount,SPLIT("1,2",","),">1")', data))).toBe("#VALUE!");
  });
});
