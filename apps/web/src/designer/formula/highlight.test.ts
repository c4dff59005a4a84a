import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highlightRuns } from "./highlight";

describe("highlightRuns", () => {
  it("classifies tokens and marks diagnostics", () => {
    const runs = highlightRuns('SUM(a, 2) & "x"', [{ offset: 4, length: 1 }]);
    expect(runs.map((r) => [r.text, r.kind, r.error])).toEqual([
      ["SUM", "function", false],
      ["(", "punct", false],
      ["a", "name", true],
      [",", "punct", false],
      [" ", "plain", false],
      ["2", "number", false],
      [")", "punct", false],
      [" ", "plain", false],
      ["&", "operator", false],
      [" ", "plain", false],
      ['"x"', "string", false],
    ]);
  });

  it("always covers the text exactly", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(20), fc.nat(5), (text, offset, length) => {
        expect(
          highlightRuns(text, [{ offset, length }])
            .map((r) => r.text)
            .join(""),
        ).toBe(text);
      }),
    );
  });
});
