import { describe, expect, it } from "vitest";
import { issuePairs } from "./test-support/issues";
import { largeForm } from "./test-support/large-form";
import { testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

// How fast it validates is measured in bench/src/schema.bench.ts, not here.
describe("a 500-field form", () => {
  it("of every kind of setting, chained formulas, rules and a sub-form is valid", () => {
    const def = largeForm();
    expect(def.fields).toHaveLength(500);
    expect(validateFormDefinition(def, testAnalyzer)).toEqual({ ok: true, value: def });
  });

  it("reports a bad field at its own index among the 500", () => {
    const def = largeForm();
    def.fields[417] = { ...def.fields[417], bogus: true };
    expect(issuePairs(validateFormDefinition(def, testAnalyzer))).toEqual([
      ["UNKNOWN_PROPERTY", "/fields/417/bogus"],
    ]);
  });
});
