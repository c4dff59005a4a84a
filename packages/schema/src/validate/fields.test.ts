import { describe, expect, it } from "vitest";
import { issuePairs } from "./test-support/issues";
import { quoteForm, testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

const validate = (def: unknown) => issuePairs(validateFormDefinition(def, testAnalyzer));
const columns = (def: ReturnType<typeof quoteForm>) => def.fields[2]!.fields as Record<string, unknown>[];

describe("field checks", () => {
  it("rejects a duplicate field id at the later field", () => {
    const def = quoteForm();
    def.fields.push({ id: "discount", type: "text", label: "Again" });
    expect(validate(def)).toEqual([["DUPLICATE_FIELD_ID", "/fields/8/id"]]);
  });

  it("rejects duplicate column ids within a sub-form, but allows a column to share a top-level id", () => {
    const def = quoteForm();
    columns(def).push(
      { id: "qty", type: "number", label: "Again" },
      { id: "discount", type: "number", label: "Own" },
    );
    expect(validate(def)).toEqual([["DUPLICATE_FIELD_ID", "/fields/2/fields/3/id"]]);
  });

  it("rejects a sub-form inside a sub-form", () => {
    const def = quoteForm();
    columns(def).push({
      id: "parts",
      type: "subform",
      label: "Parts",
      fields: [{ id: "part", type: "text", label: "P" }],
    });
    expect(validate(def)).toEqual([["NESTED_SUBFORM", "/fields/2/fields/3/type"]]);
  });

  it("rejects duplicate option values", () => {
    const def = quoteForm();
    def.fields.push({
      id: "level",
      type: "select",
      label: "Level",
      options: [{ value: "a" }, { value: "b" }, { value: "a", label: "A again" }],
    });
    expect(validate(def)).toEqual([["DUPLICATE_OPTION_VALUE", "/fields/8/options/2/value"]]);
  });

  it.each([
    ["divider", {}],
    ["serial", { pattern: [{ counter: 3 }] }],
    ["link", { form: "customers" }],
    ["signature", {}],
    ["aggregate", { form: "orders", measure: "count" }],
  ])("rejects a formula on a %s field", (type, settings) => {
    const def = quoteForm();
    def.fields.push({ id: "calc", type, label: "Calc", formula: "discount * 2", ...settings });
    expect(validate(def)).toEqual([["FORMULA_NOT_ALLOWED", "/fields/8/formula"]]);
  });

  it.each([
    ["multiselect", { options: [{ value: "a" }] }],
    ["attachment", {}],
    ["members", {}],
    ["description", {}],
  ])("rejects unique on a %s field", (type, settings) => {
    const def = quoteForm();
    def.fields.push({ id: "u", type, label: "U", unique: true, ...settings });
    expect(validate(def)).toEqual([["UNIQUE_NOT_ALLOWED", "/fields/8/unique"]]);
  });

  it("accepts unique on a text field", () => {
    const def = quoteForm();
    def.fields.push({ id: "code", type: "text", label: "Code", unique: true });
    expect(validate(def)).toEqual([]);
  });

  it("rejects a titleField that is not a field", () => {
    const def = quoteForm();
    def.settings = { titleField: "title" };
    expect(validate(def)).toEqual([["UNKNOWN_FIELD_REF", "/settings/titleField"]]);
  });

  it("rejects serial {field} parts, fill targets and linkage matches naming unknown fields", () => {
    const def = quoteForm();
    def.fields[0]!.pattern = [{ text: "QT-" }, { field: "region" }, { counter: 4 }];
    def.fields[1]!.fill = [
      { from: "name", to: "customer_name" },
      { from: "owner", to: "sales" },
    ];
    def.fields[3]!.default = {
      linkage: { form: "prices", match: [{ field: "customer", equals: "client" }], take: "rate" },
    };
    expect(validate(def)).toEqual([
      ["UNKNOWN_FIELD_REF", "/fields/0/pattern/1/field"],
      ["UNKNOWN_FIELD_REF", "/fields/1/fill/0/to"],
      ["UNKNOWN_FIELD_REF", "/fields/3/default/linkage/match/0/equals"],
    ]);
  });
});
