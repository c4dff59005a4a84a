import { describe, expect, it } from "vitest";
import { parseSyntax } from "./parser";
import { printFormula } from "./print";

function reprint(text: string): string {
  const result = parseSyntax(text);
  if (!result.ok) throw new Error(result.error.message);
  return printFormula(result.ast);
}

describe("printFormula", () => {
  it.each([
    ["-2^2", "-2^2"],
    ["-(2^2)", "-(2^2)"],
    ["(2^3)^2", "2^3^2"],
    ["2^(3^2)", "2^(3^2)"],
    ["1+(2-3)", "1 + (2 - 3)"],
    ["(1+2)*3", "(1 + 2)*3"],
    ["(-5)%", "(-5)%"],
    ["-(5%)", "-5%"],
    ["(a&b)&(c&d)", "a & b & (c & d)"],
    ['sum( "a""b" ,true , items.x)', 'SUM("a""b", TRUE, items.x)'],
    ["(a=b)=c", "a = b = c"],
    ["1.5e3 + .5", "1500 + 0.5"],
  ])("%s prints as %s", (text, printed) => {
    expect(reprint(text)).toBe(printed);
  });
});
