import { describe, expect, test } from "vitest";
import { allowedOperators, DEFAULT_OPERATORS, FILTER_OPERATORS, toOperatorName } from "./operators";

describe("operators", () => {
  test("json-logic spellings map to semantic names", () => {
    expect(toOperatorName("==")).toBe("eq");
    expect(toOperatorName("!==")).toBe("ne");
    expect(toOperatorName(">=")).toBe("gte");
    expect(toOperatorName("hasNone")).toBe("hasNone");
    expect(toOperatorName("toString")).toBeUndefined();
    expect(toOperatorName("__proto__")).toBeUndefined();
  });

  test("no allowlist means every operator of the type", () => {
    expect([...allowedOperators({ column: "c", valueType: "boolean" })]).toEqual([
      "eq",
      "ne",
      "empty",
      "notEmpty",
    ]);
  });

  test("an allowlist accepts both spellings and cannot exceed the type", () => {
    const allowed = allowedOperators({
      column: "c",
      valueType: "boolean",
      operators: ["==", "<", "contains", "bogus"],
    });
    expect([...allowed]).toEqual(["eq"]);
    expect([...allowedOperators({ column: "c", valueType: "text", operators: [] })]).toEqual([]);
  });

  test("every default operator is a known operator", () => {
    for (const ops of Object.values(DEFAULT_OPERATORS)) {
      for (const op of ops) expect(FILTER_OPERATORS).toContain(op);
    }
  });
});
