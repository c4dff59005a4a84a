import { describe, expect, it } from "vitest";
import { errorCode, formula } from "./test-support";

describe("logic functions", () => {
  it("IF picks a branch, treats blank as FALSE and defaults the else to FALSE", () => {
    expect(formula('IF(discount>0.05,"big","small")')).toBe("big");
    expect(formula('IF(missing_field,"yes","no")')).toBe("no");
    expect(formula("IF(1>2,1)")).toBe(false);
  });

  it("IF only evaluates the branch it takes", () => {
    expect(formula("IF(TRUE(),1,1/0)")).toBe(1);
    expect(errorCode(formula("IF(FALSE(),1,1/0)"))).toBe("#DIV/0!");
  });

  it("IF propagates an error in its condition and rejects non-logical text", () => {
    expect(errorCode(formula('IF(1/0,"a","b")'))).toBe("#DIV/0!");
    expect(errorCode(formula('IF("maybe","a","b")'))).toBe("#VALUE!");
    expect(formula('IF("true","a","b")')).toBe("a");
  });

  it("IFS returns the first true pair and #N/A when none is", () => {
    expect(formula('IFS(1>2,"a",2>1,"b")')).toBe("b");
    expect(errorCode(formula('IFS(1>2,"a")'))).toBe("#N/A");
  });

  it("AND, OR, NOT, XOR follow Excel and short-circuit", () => {
    expect(formula("AND(1,TRUE(),2>1)")).toBe(true);
    expect(formula("AND(1,0)")).toBe(false);
    expect(formula("AND(FALSE(),1/0)")).toBe(false);
    expect(formula("OR(0,TRUE())")).toBe(true);
    expect(formula("OR(TRUE(),1/0)")).toBe(true);
    expect(errorCode(formula("OR(FALSE(),1/0)"))).toBe("#DIV/0!");
    expect(formula("NOT(0)")).toBe(true);
    expect(formula("XOR(TRUE(),TRUE(),TRUE())")).toBe(true);
    expect(formula("XOR(TRUE(),TRUE())")).toBe(false);
  });

  it("ISEMPTY sees blanks, empty text and empty columns", () => {
    expect(formula("ISEMPTY(nothing)")).toBe(true);
    expect(formula('ISEMPTY("")')).toBe(true);
    expect(formula("ISEMPTY(0)")).toBe(false);
    expect(formula("ISEMPTY(rows.x)", { rows: [] })).toBe(true);
  });

  it("IFERROR and ISERROR catch errors", () => {
    expect(formula("IFERROR(1/0,-1)")).toBe(-1);
    expect(formula("IFERROR(5,-1)")).toBe(5);
    expect(formula('ISERROR(VALUE("x"))')).toBe(true);
    expect(formula("ISERROR(1)")).toBe(false);
  });
});
