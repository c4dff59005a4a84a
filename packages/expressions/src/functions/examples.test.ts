import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { parseFormula } from "../formula";
import { displayResult, EXAMPLE_CONTEXT, EXAMPLE_RECORD } from "./examples";
import { FUNCTIONS } from "./index";

describe("documented examples", () => {
  it("has at least 60 functions", () => {
    expect(Object.keys(FUNCTIONS).length).toBeGreaterThanOrEqual(60);
  });

  it("keys every spec by its upper-case name with a consistent signature", () => {
    for (const [key, spec] of Object.entries(FUNCTIONS)) {
      expect(spec.name).toBe(key);
      expect(key).toMatch(/^[A-Z][A-Z0-9]*$/);
      expect(spec.minArgs).toBeLessThanOrEqual(spec.maxArgs);
      if (spec.maxArgs > 0) expect(spec.args.length).toBeGreaterThan(0);
      if (Number.isFinite(spec.maxArgs)) expect(spec.args.length).toBe(spec.maxArgs);
    }
    expect(Object.getPrototypeOf(FUNCTIONS)).toBeNull();
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
