import { describe, expect, it } from "vitest";
import type { FormulaAnalyzer } from "./result";
import { issuePairs, issuesOf } from "./test-support/issues";
import { quoteForm, testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

describe("formulas", () => {
  it("turns analyzer diagnostics into FORMULA_INVALID issues with their position", () => {
    const def = quoteForm();
    def.fields[4]!.formula = "ROUND(SUM(items.subtotal), 2))";
    const issues = issuesOf(validateFormDefinition(def, testAnalyzer));
    expect(issues).toEqual([
      {
        code: "FORMULA_INVALID",
        path: "/fields/4/formula",
        message: 'unexpected ")"',
        line: 1,
        column: 30,
        length: 1,
      },
    ]);
  });

  it("positions an unknown ref where the formula names it, skipping string literals", () => {
    const def = quoteForm();
    def.fields[4]!.formula = 'IF(discount > 0, "tax", 0) +\n  tax * 2';
    const issues = issuesOf(validateFormDefinition(def, testAnalyzer));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "UNKNOWN_FIELD_REF",
        path: "/fields/4/formula",
        line: 2,
        column: 3,
        length: 3,
      }),
    ]);
  });

  it("rejects a sub-form column ref naming no column", () => {
    const def = quoteForm();
    def.fields[4]!.formula = "SUM(items.cost)";
    expect(issuePairs(validateFormDefinition(def, testAnalyzer))).toEqual([
      ["UNKNOWN_FIELD_REF", "/fields/4/formula"],
    ]);
  });

  it("checks default formulas too", () => {
    const def = quoteForm();
    def.fields[3]!.default = { formula: "rate / 100" };
    expect(issuePairs(validateFormDefinition(def, testAnalyzer))).toEqual([
      ["UNKNOWN_FIELD_REF", "/fields/3/default/formula"],
    ]);
  });

  it("maps an analyzer's own UNKNOWN_FIELD diagnostic to UNKNOWN_FIELD_REF", () => {
    const analyzer: FormulaAnalyzer = () => ({
      refs: [],
      diagnostics: [{ code: "UNKNOWN_FIELD", message: "no field x", line: 1, column: 1, length: 1 }],
    });
    const def = quoteForm();
    expect(issuePairs(validateFormDefinition(def, analyzer))).toEqual([
      ["UNKNOWN_FIELD_REF", "/fields/2/fields/2/formula"],
      ["UNKNOWN_FIELD_REF", "/fields/4/formula"],
    ]);
  });

  it("reports an analyzer that throws as FORMULA_INVALID instead of throwing", () => {
    const analyzer: FormulaAnalyzer = (formula) => {
      if (formula.includes("ROUND")) throw new Error("parser bug");
      return testAnalyzer(formula);
    };
    expect(issuePairs(validateFormDefinition(quoteForm(), analyzer))).toEqual([
      ["FORMULA_INVALID", "/fields/4/formula"],
    ]);
  });
});
