import { describe, expect, it } from "vitest";
import { issuePairs } from "./test-support/issues";
import { testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

/** 500 fields: every kind of setting, formulas chained over earlier fields, rules, a sub-form. */
function largeForm() {
  const fields: Record<string, unknown>[] = [];
  for (let i = 0; fields.length < 499; i++) {
    const base = { id: `f${i}`, label: { "zh-CN": `字段 ${i}`, en: `Field ${i}` }, width: "1/2" };
    switch (i % 6) {
      case 0:
        fields.push({ ...base, type: "number", min: 0, max: 1000, precision: 2 });
        break;
      case 1:
        fields.push({ ...base, type: "money", formula: `ROUND(f${i - 1} * 1.13, 2)`, currency: "CNY" });
        break;
      case 2:
        fields.push({
          ...base,
          type: "select",
          options: [{ value: "a" }, { value: "b" }, { value: "c", label: "C" }],
        });
        break;
      case 3:
        fields.push({
          ...base,
          type: "text",
          maxLength: 50,
          visibleWhen: { "==": [{ var: `f${i - 1}` }, "a"] },
        });
        break;
      case 4:
        fields.push({ ...base, type: "date", required: true });
        break;
      default:
        fields.push({
          ...base,
          type: "textarea",
          visibleWhen: { and: [{ ">": [{ var: `f${i - 5}` }, 10] }, { var: `f${i - 2}` }] },
        });
    }
  }
  fields.push({
    id: "lines",
    type: "subform",
    label: "Lines",
    fields: [
      { id: "price", type: "number", label: "Price" },
      { id: "qty", type: "number", label: "Qty" },
      { id: "amount", type: "number", label: "Amount", formula: "price * qty" },
    ],
  });
  return {
    key: "large",
    name: "Large",
    fields,
    validations: [{ rule: { "<": [{ var: "f0" }, { var: "f6" }] }, message: "m" }],
  };
}

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
