import { describe, expect, it } from "vitest";
import { issuesOf } from "./test-support/issues";
import { quoteForm, testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

const cycles = (def: unknown) =>
  issuesOf(validateFormDefinition(def, testAnalyzer))
    .filter((i) => i.code === "COMPUTED_CYCLE")
    .map((i) => [i.path, i.message.split(": ")[1]]);

describe("cycles among computed fields", () => {
  it("reports a self-reference", () => {
    const def = quoteForm();
    def.fields[4]!.formula = "total + 1";
    expect(cycles(def)).toEqual([["/fields/4/formula", "total → total"]]);
  });

  it("reports a cycle through a sub-form column on every member, with the path", () => {
    const def = quoteForm();
    const items = def.fields[2]!.fields as Record<string, unknown>[];
    items[2]!.formula = "price * qty * (1 - discount) + total / 100";
    expect(cycles(def)).toEqual([
      ["/fields/2/fields/2/formula", "items.subtotal → total → items.subtotal"],
      ["/fields/4/formula", "total → items.subtotal → total"],
    ]);
  });

  it("treats a whole sub-form ref as depending on its computed columns", () => {
    const def = quoteForm();
    const items = def.fields[2]!.fields as Record<string, unknown>[];
    items[2]!.formula = "price * qty + count";
    def.fields.push({ id: "count", type: "number", label: "Rows", formula: "COUNT(items)" });
    expect(cycles(def)).toEqual([
      ["/fields/2/fields/2/formula", "items.subtotal → count → items.subtotal"],
      ["/fields/8/formula", "count → items.subtotal → count"],
    ]);
  });

  it("accepts a long acyclic chain", () => {
    const def = quoteForm();
    delete def.flow;
    def.fields = Array.from({ length: 400 }, (_, i) => ({
      id: `f${i}`,
      type: "number",
      label: "F",
      ...(i > 0 ? { formula: `f${i - 1} + 1` } : {}),
    }));
    def.validations = [];
    def.settings = {};
    expect(validateFormDefinition(def, testAnalyzer).ok).toBe(true);
  });
});
