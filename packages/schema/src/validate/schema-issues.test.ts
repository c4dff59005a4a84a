import { describe, expect, it } from "vitest";
import { issuePairs } from "./test-support/issues";
import { quoteForm, testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

const validate = (def: unknown) => issuePairs(validateFormDefinition(def, testAnalyzer));

describe("schema violations as issues", () => {
  it("reports a missing required property at its own pointer", () => {
    const def = quoteForm();
    delete def.fields[3]!.label;
    expect(validate(def)).toEqual([["SCHEMA_VIOLATION", "/fields/3/label"]]);
  });

  it("reports a wrong type once, at the value", () => {
    const def = quoteForm();
    def.fields[3]!.min = "zero";
    expect(validate(def)).toEqual([["SCHEMA_VIOLATION", "/fields/3/min"]]);
  });

  it("rejects properties the field type does not have", () => {
    const def = quoteForm();
    def.fields[3]!.options = [];
    (def.fields[2]!.fields as Record<string, unknown>[])[0]!.currency = "CNY";
    expect(validate(def)).toEqual([
      ["UNKNOWN_PROPERTY", "/fields/2/fields/0/currency"],
      ["UNKNOWN_PROPERTY", "/fields/3/options"],
    ]);
  });

  it("does not echo the settings of a field whose other settings are wrong", () => {
    const def = quoteForm();
    def.fields[1]!.multiple = "yes";
    expect(validate(def)).toEqual([["SCHEMA_VIOLATION", "/fields/1/multiple"]]);
  });

  it("reports a malformed id or key with INVALID_ID", () => {
    const def = quoteForm();
    def.key = "Quotes";
    def.fields[3]!.id = "1discount";
    def.fields[4]!.id = `t${"x".repeat(64)}`;
    expect(validate(def)).toEqual(
      expect.arrayContaining([
        ["INVALID_ID", "/key"],
        ["INVALID_ID", "/fields/3/id"],
        ["INVALID_ID", "/fields/4/id"],
      ]),
    );
  });

  it("refuses reserved words as ids: prototype-poisoning keys and the formula booleans", () => {
    for (const reserved of ["constructor", "prototype", "true", "false"]) {
      const def = quoteForm();
      def.fields[3]!.id = reserved;
      expect(validate(def)).toEqual(expect.arrayContaining([["INVALID_ID", "/fields/3/id"]]));
    }
    const def = quoteForm();
    def.fields[3]!.id = "constructor_name";
    expect(validate(def)).not.toEqual(expect.arrayContaining([["INVALID_ID", "/fields/3/id"]]));
  });

  it("reports an unknown field type once, without flagging its settings", () => {
    const def = quoteForm();
    def.fields.push({ id: "stars", type: "stars", label: "Stars", max: 5 });
    expect(validate(def)).toEqual([["UNKNOWN_FIELD_TYPE", "/fields/8/type"]]);
  });

  it("reports an unknown node kind", () => {
    const def = quoteForm();
    (def.flow as { nodes: unknown[] }).nodes.push({ id: "timer", type: "timer" });
    expect(validate(def)).toContainEqual(["UNKNOWN_NODE_KIND", "/flow/nodes/5/type"]);
  });

  it("explains a malformed union (a serial part) once", () => {
    const def = quoteForm();
    def.fields[0]!.pattern = [{ text: "QT-", date: "yyyy" }];
    expect(validate(def)).toEqual([["SCHEMA_VIOLATION", "/fields/0/pattern/0"]]);
  });

  it("reports input nested too deep as TOO_DEEP without running Ajv on it", () => {
    let rule: unknown = { var: "discount" };
    for (let i = 0; i < 10_000; i++) rule = { "!": [rule] };
    const def = quoteForm();
    def.fields[5]!.visibleWhen = rule;
    const pairs = validate(def);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.[0]).toBe("TOO_DEEP");
    expect(pairs[0]?.[1]).toMatch(/^\/fields\/5\/visibleWhen\/!\/0\//);
  });

  it("bounds hostile sizes: more than 500 fields, a huge label", () => {
    const def = quoteForm();
    def.fields[0]!.label = "x".repeat(201);
    expect(validate(def)).toEqual([["SCHEMA_VIOLATION", "/fields/0/label"]]);
    const many = quoteForm();
    many.fields = Array.from({ length: 501 }, (_, i) => ({ id: `f${i}`, type: "text", label: "F" }));
    delete many.flow;
    delete many.validations;
    delete many.settings;
    expect(validate(many)).toEqual([["SCHEMA_VIOLATION", "/fields"]]);
  });

  it("keeps __proto__ keys as plain data", () => {
    const def = JSON.parse('{"key":"a","name":"A","fields":[],"__proto__":{"polluted":true}}');
    expect(validate(def)).toEqual([["UNKNOWN_PROPERTY", "/__proto__"]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
