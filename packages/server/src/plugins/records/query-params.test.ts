import { FormworkError } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFields, parseFilter, parseSort } from "./query-params";

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof FormworkError ? `${error.code} ${error.details[0]?.path}` : "other";
  }
  return undefined;
}

describe("parseSort", () => {
  it("reads directions and system names", () => {
    expect(parseSort("-total, name,+$createdAt")).toEqual([
      { field: "total", direction: "desc" },
      { field: "name", direction: "asc" },
      { field: "$createdAt", direction: "asc" },
    ]);
    expect(parseSort(undefined)).toEqual([]);
  });

  it("refuses anything that is not a name, pointing at it", () => {
    expect(codeOf(() => parseSort("name,f_x; drop table users"))).toBe("INVALID_SORT /sort/1");
    expect(codeOf(() => parseSort('"name"'))).toBe("INVALID_SORT /sort/0");
    expect(codeOf(() => parseSort("a,b,c,d,e,f,g,h,i"))).toBe("INVALID_SORT /sort");
  });

  it("never throws anything but a FormworkError", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const outcome = codeOf(() => parseSort(text));
        expect(outcome === undefined || outcome.startsWith("INVALID_SORT")).toBe(true);
      }),
    );
  });
});

describe("parseFields and parseFilter", () => {
  it("dedupes projected fields and refuses junk", () => {
    expect(parseFields("a, b,a")).toEqual(["a", "b"]);
    expect(codeOf(() => parseFields("a,b c"))).toBe("UNKNOWN_FIELD /fields/1");
  });

  it("parses filter JSON or answers INVALID_FILTER", () => {
    expect(parseFilter('{"==":[{"var":"a"},1]}')).toEqual({ "==": [{ var: "a" }, 1] });
    expect(codeOf(() => parseFilter("{nope"))).toBe("INVALID_FILTER /filter");
    expect(parseFilter("")).toBeUndefined();
  });
});
