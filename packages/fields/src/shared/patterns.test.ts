import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePattern, isUnsafePattern } from "./patterns";

describe("isUnsafePattern", () => {
  it.each([
    "(a+)+$",
    "(a*)*b",
    "^(\\w+\\s?)*$",
    "(x+x+)+y",
    "((ab)*c)+",
    "(?:a+){20}",
    "(.*a){11}",
    "(?<word>a+)*",
  ])("refuses the nested repetition %s", (pattern) => {
    expect(isUnsafePattern(pattern)).toBe(true);
    expect(compilePattern(pattern)).toBeNull();
  });

  it.each([
    "^[A-Z]{2}\\d{4}$",
    "^1[3-9]\\d{9}$",
    "^(\\d{3})-(\\d+)$",
    "^[(+*)]+$",
    "\\(a+\\)+",
    "(ab|cd)+",
    "(a+){2}",
    "^KH-\\d+$",
  ])("accepts the linear pattern %s", (pattern) => {
    expect(isUnsafePattern(pattern)).toBe(false);
    expect(compilePattern(pattern)).toBeInstanceOf(RegExp);
  });

  it("compiles malformed patterns to null and never throws", () => {
    expect(compilePattern("([")).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (pattern) => {
        compilePattern(pattern);
      }),
    );
  });
});
