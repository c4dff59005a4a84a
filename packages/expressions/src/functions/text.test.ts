import { describe, expect, it } from "vitest";
import { errorCode, formula } from "./test-support";

describe("text functions", () => {
  it("CONCATENATE and & turn numbers, booleans and blanks into text", () => {
    expect(formula('CONCATENATE("a",1.5,TRUE(),nothing)')).toBe("a1.5TRUE");
    expect(formula('"n=" & (0.1+0.2)')).toBe("n=0.3");
    expect(formula("CONCATENATE(items.product)")).toBe("笔记本钢笔尺子");
  });

  it("LEFT, RIGHT, MID and LEN count characters, not UTF-16 units", () => {
    expect(formula('LEFT("😀ab",2)')).toBe("😀a");
    expect(formula('LEN("😀ab")')).toBe(3);
    expect(formula('RIGHT("abc")')).toBe("c");
    expect(formula('RIGHT("abc",0)')).toBe("");
    expect(formula('MID("abcdef",3,10)')).toBe("cdef");
    expect(errorCode(formula('MID("abc",0,1)'))).toBe("#VALUE!");
    expect(errorCode(formula('LEFT("abc",-1)'))).toBe("#VALUE!");
    expect(formula("LEN(12.50)")).toBe(4);
  });

  it("TRIM, LOWER, UPPER, EXACT, REPT", () => {
    expect(formula('TRIM("  a  b  ")')).toBe("a b");
    expect(formula('UPPER("aBc")')).toBe("ABC");
    expect(formula('LOWER("aBc")')).toBe("abc");
    expect(formula('EXACT("a","a")')).toBe(true);
    expect(formula('REPT("ab",0)')).toBe("");
    expect(errorCode(formula('REPT("ab",100000)'))).toBe("#VALUE!");
  });

  it("REPLACE and SUBSTITUTE", () => {
    expect(formula('REPLACE("abcdef",2,3,"X")')).toBe("aXef");
    expect(formula('SUBSTITUTE("a-b-c","-","+",2)')).toBe("a-b+c");
    expect(formula('SUBSTITUTE("a-b","-","+",5)')).toBe("a-b");
    expect(formula('SUBSTITUTE("abc","","x")')).toBe("abc");
  });

  it("SEARCH is case-insensitive with wildcards, FIND is exact; both #VALUE! when absent", () => {
    expect(formula('SEARCH("C","abcabc",4)')).toBe(6);
    expect(formula('SEARCH("b?d","abcd")')).toBe(2);
    expect(formula('SEARCH("~?","a?b")')).toBe(2);
    expect(errorCode(formula('FIND("c","ABC")'))).toBe("#VALUE!");
    expect(errorCode(formula('SEARCH("z","abc")'))).toBe("#VALUE!");
  });

  it("SPLIT returns a list that aggregates can use", () => {
    expect(formula('SPLIT("1,2,3",",")')).toEqual(["1", "2", "3"]);
    expect(formula('SPLIT("",",")')).toEqual([]);
    expect(formula('COUNTA(SPLIT("a;b",";"))')).toBe(2);
  });

  it("TEXT formats numbers and dates", () => {
    expect(formula('TEXT(0.256,"0.0%")')).toBe("25.6%");
    expect(formula('TEXT(-1234.5,"#,##0.00")')).toBe("-1,234.50");
    expect(formula('TEXT(5,"000")')).toBe("005");
    expect(formula('TEXT(2.5,"0")')).toBe("3");
    expect(formula('TEXT(1.5,"#.##")')).toBe("1.5");
    expect(formula('TEXT("2024-03-05","yyyy年M月d日")')).toBe("2024年3月5日");
    expect(formula('TEXT("2024-03-05T01:02:03Z","yyyy-MM-dd HH:mm:ss")')).toBe("2024-03-05 09:02:03");
    expect(formula('TEXT("2024-03-05 07:08","h:mm")')).toBe("7:08");
    expect(formula('TEXT("2024-03-05 00:08","h:mm AM/PM")')).toBe("12:08 AM");
    expect(formula('TEXT("2024-03-05 13:08","hh:mm AM/PM")')).toBe("01:08 PM");
    expect(errorCode(formula('TEXT("abc","0.00")'))).toBe("#VALUE!");
  });

  it("VALUE converts numeric text and rejects other text", () => {
    expect(formula('VALUE(" 12% ")')).toBe(0.12);
    expect(errorCode(formula('VALUE("12a")'))).toBe("#VALUE!");
    expect(formula('VALUE("")')).toBe(0);
  });

  it("propagates errors from arguments", () => {
    expect(errorCode(formula("LEN(1/0)"))).toBe("#DIV/0!");
    expect(errorCode(formula('CONCATENATE("a",1/0)'))).toBe("#DIV/0!");
  });
});

describe("text size limit", () => {
  it("refuses results longer than 32,767 characters before building them", () => {
    const long = "a".repeat(30_000);
    expect(errorCode(formula('SUBSTITUTE(t,"a","bb")', { t: long }))).toBe("#VALUE!");
    expect(errorCode(formula('SUBSTITUTE(t,"a","bb",1)', { t: long + long }))).toBe("#VALUE!");
    expect(formula('LEN(SUBSTITUTE(t,"a",""))', { t: long })).toBe(0);
    expect(errorCode(formula("t & t", { t: long }))).toBe("#VALUE!");
    expect(errorCode(formula("CONCATENATE(t,t)", { t: long }))).toBe("#VALUE!");
  });
});
