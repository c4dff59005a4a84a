import { describe, expect, it } from "vitest";
import { issuePairs } from "./test-support/issues";
import { quoteForm, testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

const validate = (def: unknown) => issuePairs(validateFormDefinition(def, testAnalyzer));

describe("json-logic references", () => {
  it("rejects a display rule naming an unknown field, at the var", () => {
    const def = quoteForm();
    def.fields[5]!.visibleWhen = {
      and: [{ ">": [{ var: "discount" }, 0.2] }, { "==": [{ var: "region" }, "north"] }],
    };
    expect(validate(def)).toEqual([["UNKNOWN_FIELD_REF", "/fields/5/visibleWhen/and/1/==/0/var"]]);
  });

  it("rejects a submit validation naming an unknown sub-form column, in the [name, default] form", () => {
    const def = quoteForm();
    def.validations = [{ rule: { ">": [{ var: ["items.cost", 0] }, 0] }, message: "m" }];
    expect(validate(def)).toEqual([["UNKNOWN_FIELD_REF", "/validations/0/rule/>/0/var/0"]]);
  });

  it("accepts sub-form columns, row indexes and context variables", () => {
    const def = quoteForm();
    def.validations = [
      {
        rule: {
          and: [
            { "==": [{ var: "$initiator.dept" }, { var: "$user.id" }] },
            { some: [{ var: "items" }, { ">": [{ var: "qty" }, 0] }] },
            { ">": [{ var: "items.0.qty" }, 0] },
            { "!": { missing: ["discount", "reason"] } },
          ],
        },
        message: "m",
      },
    ];
    expect(validate(def)).toEqual([]);
  });

  it("resolves vars inside map/filter/reduce over a sub-form against its columns", () => {
    const def = quoteForm();
    def.validations = [
      {
        rule: {
          and: [
            { all: [{ var: "items" }, { ">": [{ var: "weight" }, 0] }] },
            { reduce: [{ var: "items" }, { "+": [{ var: "accumulator" }, { var: "current.qty" }] }, 0] },
            { reduce: [{ var: "items" }, { "+": [{ var: "accumulator" }, { var: "current.size" }] }, 0] },
          ],
        },
        message: "m",
      },
    ];
    expect(validate(def)).toEqual([
      ["UNKNOWN_FIELD_REF", "/validations/0/rule/and/0/all/1/>/0/var"],
      ["UNKNOWN_FIELD_REF", "/validations/0/rule/and/2/reduce/1/+/1/var"],
    ]);
  });

  it("checks missing and missing_some names", () => {
    const def = quoteForm();
    def.validations = [
      { rule: { missing: ["discount", "colour"] }, message: "m" },
      { rule: { missing_some: [1, ["reason", "size"]] }, message: "m" },
    ];
    expect(validate(def)).toEqual([
      ["UNKNOWN_FIELD_REF", "/validations/0/rule/missing/1"],
      ["UNKNOWN_FIELD_REF", "/validations/1/rule/missing_some/1/1"],
    ]);
  });

  it("checks a column's display rule against its siblings first, then the form", () => {
    const def = quoteForm();
    const items = def.fields[2]!.fields as Record<string, unknown>[];
    items[1]!.visibleWhen = { and: [{ var: "price" }, { var: "discount" }, { var: "weight" }] };
    expect(validate(def)).toEqual([["UNKNOWN_FIELD_REF", "/fields/2/fields/1/visibleWhen/and/2/var"]]);
  });

  it("leaves a link filter's plain vars to the other form but checks $form.x against this one", () => {
    const def = quoteForm();
    def.fields[1]!.filter = {
      and: [{ "==": [{ var: "owner" }, { var: "$form.sales" }] }, { var: "$form.region" }],
    };
    expect(validate(def)).toEqual([["UNKNOWN_FIELD_REF", "/fields/1/filter/and/1/var"]]);
  });

  it("checks an edge condition against the form", () => {
    const def = quoteForm();
    const edges = (def.flow as { edges: Record<string, unknown>[] }).edges;
    edges[1]!.when = { ">": [{ var: "margin" }, 0.3] };
    expect(validate(def)).toEqual([["UNKNOWN_FIELD_REF", "/flow/edges/1/when/>/0/var"]]);
  });
});
