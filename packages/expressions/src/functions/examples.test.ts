import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { parseFormula } from "../formula";
import { displayResult, EXAMPLE_CONTEXT, EXAMPLE_RECORD } from "./examples";
import { FUNCTIONS } from "./index";

describe("documented examples", () => {
  it("has at least 60 functions", () => {
    expect(Object.keys(FUNCTIONS).length).toBeGreaterThanOrEqual(60);
  });

  it.each(Object.values(FUNCTIONS).map((spec) => [spec.name, spec] as const))(
    "%s example gives its result",
    (_name, spec) => {
      const parsed = parseFormula(spec.doc.example);
      if (!parsed.ok) throw new Error(`${spec.doc.example}: ${JSON.stringify(parsed.diagnostics)}`);
      expect(spec.doc.example).toContain(`${spec.name}(`);
      expect(displayResult(evaluate(parsed.logic, EXAMPLE_RECORD, EXAMPLE_CONTEXT))).toBe(spec.doc.result);
    },
  );
});
