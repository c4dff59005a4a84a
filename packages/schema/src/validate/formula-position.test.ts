import { describe, expect, it } from "vitest";
import { findRef } from "./formula-position";

describe("findRef", () => {
  it("finds a whole identifier, 1-based, across lines", () => {
    expect(findRef("price * qty", "qty")).toEqual({ line: 1, column: 9, length: 3 });
    expect(findRef("SUM(items.qty)\n+ qty2 + qty", "qty")).toEqual({ line: 2, column: 10, length: 3 });
  });

  it("skips occurrences inside string literals, doubled quotes included", () => {
    expect(findRef('IF(a, "say ""qty""", qty)', "qty")).toEqual({ line: 1, column: 22, length: 3 });
    expect(findRef('"qty"', "qty")).toBeUndefined();
  });

  it("stays fast on hostile text", () => {
    const formula = `"${"a ".repeat(5000)}" + b`;
    const started = performance.now();
    expect(findRef(formula, "a")).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
