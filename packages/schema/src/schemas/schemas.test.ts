import { describe, expect, it } from "vitest";
import { createAjv } from "../ajv";
import { FIELD_TYPES, type FieldType, NODE_KINDS } from "../types";
import { jsonLogicSchema } from "./common";
import { FIELD_SCHEMA_ID } from "./field";
import { fieldSettingsSchemas } from "./field-settings";
import { nodeSettingsSchemas } from "./flow";
import { definitionAjv, definitionSchemas } from "./registry";

/** One realistic field of every type, as the designer would save it. */
const EXAMPLES: Record<FieldType, Record<string, unknown>> = {
  text: { minLength: 2, maxLength: 20, pattern: "^[A-Z]", patternMessage: { en: "Capital first" } },
  textarea: { maxLength: 2000 },
  number: { min: 0, max: 100, precision: 2, unit: "kg", percent: false },
  money: { precision: 2, currency: "CNY" },
  date: { min: "2020-01-01" },
  datetime: { max: "2030-01-01T00:00:00Z" },
  radio: { options: [{ value: "a", label: "A", color: "#f00" }], allowOther: true },
  checkbox: { options: [{ value: "a" }, { value: "b" }], minSelected: 1, maxSelected: 2 },
  select: { options: [{ value: "a" }] },
  multiselect: { options: [{ value: "a" }], maxSelected: 1 },
  divider: {},
  description: { content: { "zh-CN": "说明", en: "Notes" } },
  address: { level: "detail" },
  location: { radius: 500 },
  image: { maxFiles: 3, maxSize: 5_000_000, accept: ["image/*"] },
  attachment: { accept: [".pdf"] },
  signature: {},
  subform: { fields: [{ id: "qty", type: "number", label: "Qty" }], minRows: 1, maxRows: 50 },
  link: {
    form: "customers",
    multiple: false,
    displayField: "name",
    fill: [{ from: "phone", to: "phone" }],
    filter: { "==": [{ var: "active" }, true] },
  },
  lookup: {
    form: "orders",
    fields: ["no", "amount"],
    filter: { "==": [{ var: "customer" }, { var: "$record.id" }] },
    limit: 10,
  },
  member: { departments: ["d1"] },
  members: {},
  department: {},
  departments: {},
  serial: {
    pattern: [
      { text: "QT-" },
      { date: "yyyyMMdd" },
      { counter: 4, reset: "daily", start: 1 },
      { field: "region" },
    ],
  },
  phone: { kind: "mobile" },
  email: {},
  rating: { max: 5 },
  aggregate: { form: "orders", measure: "sum", field: "amount", precision: 2 },
};

describe("definition schemas", () => {
  const validateField = definitionAjv().getSchema(FIELD_SCHEMA_ID)!;

  it.each(FIELD_TYPES)("accepts a realistic %s field and rejects an unknown property on it", (type) => {
    const field = { id: "f", type, label: "F", ...EXAMPLES[type] };
    expect(validateField(field), JSON.stringify(validateField.errors)).toBe(true);
    expect(validateField({ ...field, bogus: 1 })).toBe(false);
  });

  it("compiles every settings schema on its own (the property panels need no $ref), each titled", () => {
    const ajv = createAjv();
    for (const type of FIELD_TYPES) {
      const schema = fieldSettingsSchemas[type];
      expect(JSON.stringify(schema)).not.toContain("$ref");
      expect(schema.title).toEqual(expect.any(String));
      expect(ajv.compile(schema)(EXAMPLES[type]), type).toBe(true);
    }
    for (const kind of NODE_KINDS) expect(() => ajv.compile(nodeSettingsSchemas[kind])).not.toThrow();
  });

  it("every definition schema is valid draft 2020-12 (definitionAjv skips this check to start faster)", () => {
    const ajv = createAjv();
    for (const schema of definitionSchemas) expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
  });

  it("a field of a type that shares its settings with other types still takes only its own type", () => {
    const column = { id: "f", label: "F", options: [{ value: "a" }] };
    for (const type of ["radio", "checkbox", "select", "multiselect"]) {
      expect(validateField({ ...column, type }), type).toBe(true);
    }
    expect(validateField({ ...column, type: "text" })).toBe(false);
    expect(validateField({ id: "f", label: "F", type: "textarea", pattern: "^a" })).toBe(true);
    expect(validateField({ id: "f", label: "F", type: "textarea", options: [] })).toBe(false);
  });

  it("checks sub-form columns and link filters as whole fields and rules, not the panels' stand-ins", () => {
    const subform = {
      id: "s",
      type: "subform",
      label: "S",
      fields: [{ id: "q", type: "number", label: "Q" }],
    };
    expect(validateField(subform)).toBe(true);
    expect(
      validateField({ ...subform, fields: [{ id: "q", type: "number", label: "Q", currency: "CNY" }] }),
    ).toBe(false);
    const link = { id: "l", type: "link", label: "L", form: "customers" };
    expect(validateField({ ...link, filter: { "==": [1, 1] } })).toBe(true);
    expect(validateField({ ...link, filter: { "==": [1, 1], "!=": [1, 2] } })).toBe(false);
  });

  it("createAjv is strict: a schema with an unknown keyword does not compile", () => {
    expect(() => createAjv().compile({ type: "string", maxlength: 3 })).toThrow(/unknown keyword/);
  });

  it("createAjv knows formats", () => {
    expect(createAjv().compile({ type: "string", format: "email" })("not an email")).toBe(false);
  });

  it("bounds json-logic: one operator per object, bounded arrays and strings", () => {
    const validate = createAjv().compile(jsonLogicSchema);
    expect(validate({ and: [{ var: "a" }, { in: ["x", ["x", "y"]] }] })).toBe(true);
    expect(validate({ "==": [1, 1], "!=": [1, 2] })).toBe(false);
    expect(validate(Array.from({ length: 1001 }, () => 1))).toBe(false);
    expect(validate("x".repeat(10_001))).toBe(false);
  });
});
