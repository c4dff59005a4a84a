// The contract every field type keeps. It runs over FIELD_TYPES, so a new type is checked here the
// moment it is registered; the samples come from each type's own folder.

import { inspect } from "node:util";
import { DEFAULT_OPERATORS, type FilterValueType } from "@formwork/expressions";
import { COMPUTABLE, createAjv, FIELD_TYPES, type FieldType, UNIQUE_CAPABLE } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldSamples } from "./all-samples";
import { getFieldType } from "./registry";
import type { ColumnSpec } from "./types";

const ajv = createAjv();

/** The Jiandaoyun palette: which group of the designer's field list each type sits in. */
const PALETTE: Record<string, FieldType[]> = {
  basic: [
    "text",
    "textarea",
    "number",
    "money",
    "date",
    "datetime",
    "radio",
    "checkbox",
    "select",
    "multiselect",
    "phone",
    "email",
    "rating",
  ],
  advanced: [
    "address",
    "location",
    "image",
    "attachment",
    "signature",
    "subform",
    "link",
    "lookup",
    "serial",
    "aggregate",
  ],
  member: ["member", "members", "department", "departments"],
  layout: ["divider", "description"],
};

/** Sub-form rows live in a child table: stored, yet no column on the form's own table. */
const STORED_WITHOUT_COLUMN: FieldType[] = ["subform"];

/** How the SQL filter compiler sees a column (packages/db maps columns the same way). */
function filterValueTypes(type: FieldType, column: ColumnSpec): FilterValueType[] {
  const ids = ["link", "member", "members", "department", "departments"].includes(type);
  // A link is one id or a list of ids depending on `multiple`; its operator list serves both.
  if (type === "link") return ["id", "idArray"];
  const byColumn: Record<ColumnSpec["sqlType"], FilterValueType> = {
    text: ids ? "id" : "text",
    "text[]": ids ? "idArray" : "textArray",
    numeric: "number",
    integer: "number",
    date: "date",
    timestamptz: "datetime",
    boolean: "boolean",
    jsonb: "json",
  };
  return [byColumn[column.sqlType]];
}

function isBilingual(message: unknown): boolean {
  return (
    typeof message === "object" &&
    message !== null &&
    typeof (message as Record<string, unknown>)["zh-CN"] === "string" &&
    typeof (message as Record<string, unknown>).en === "string"
  );
}

describe.each(FIELD_TYPES.map((type) => [type]))("field type %s", (type) => {
  const def = getFieldType(type);
  const { field, valid, invalid } = fieldSamples[type];
  const validator = ajv.compile(def.valueSchema(field));
  const normalize = (value: unknown) => def.normalize(value, field);
  const accepted = (value: unknown) => validator(value) && def.validate(value, field).length === 0;

  it("is registered under its own name with a bilingual label and a palette category", () => {
    expect(def.type).toBe(type);
    expect(field.type).toBe(type);
    expect(isBilingual(def.label)).toBe(true);
    expect(PALETTE[def.category]).toContain(type);
  });

  it("has a settings schema that compiles in strict mode", () => {
    expect(() => createAjv().compile(def.settingsSchema)).not.toThrow();
  });

  it("has a value schema that admits null", () => {
    expect(validator(null)).toBe(true);
  });

  it("accepts every valid sample once normalised", () => {
    expect(valid.length).toBeGreaterThan(0);
    for (const sample of valid) {
      const value = normalize(sample);
      expect(validator(value), `${inspect(value)}: ${ajv.errorsText(validator.errors)}`).toBe(true);
      expect(def.validate(value, field), inspect(value)).toEqual([]);
    }
  });

  it("rejects every invalid sample with a bilingual message or a schema error", () => {
    expect(invalid.length).toBeGreaterThan(0);
    for (const sample of invalid) {
      const value = normalize(sample);
      expect(accepted(value), `accepted ${inspect(value)}`).toBe(false);
      for (const found of def.validate(value, field)) {
        expect(isBilingual(found.message)).toBe(true);
        expect(found.path === "" || found.path.startsWith("/")).toBe(true);
      }
    }
  });

  it("normalises idempotently", () => {
    for (const sample of valid) {
      const once = normalize(sample);
      expect(normalize(once)).toEqual(once);
    }
  });

  it("never throws on arbitrary input (normalize, validate, isEmpty, format)", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true }),
        (input) => {
          const value = normalize(input);
          def.validate(value, field);
          def.isEmpty(value);
          expect(typeof def.format(value, field, "en")).toBe("string");
        },
      ),
      { numRuns: 150 },
    );
  });

  it("formats valid values and null as strings in both locales", () => {
    for (const value of [...valid.map(normalize), null]) {
      for (const locale of ["zh-CN", "en"] as const)
        expect(typeof def.format(value, field, locale)).toBe("string");
    }
    expect(def.format(null, field, "en")).toBe("");
  });

  it("treats null as empty", () => {
    expect(def.isEmpty(null)).toBe(true);
  });

  it("has a column exactly when it stores a value", () => {
    const column = def.column(field);
    if (STORED_WITHOUT_COLUMN.includes(type)) expect(def.stored && column === null).toBe(true);
    else expect(column !== null).toBe(def.stored);
  });

  it("offers filter operators when stored and a formula type when computable", () => {
    if (def.stored) expect(def.filterOperators.length).toBeGreaterThan(0);
    if (def.computable) expect(def.formulaType(field)).not.toBe("null");
    if (!def.stored) expect(def.computable).toBe(false);
  });

  it("offers only filter operators the SQL compiler supports for its column", () => {
    const column = def.column(field);
    if (column === null) return;
    const supported = new Set(
      filterValueTypes(type, column).flatMap((valueType) => DEFAULT_OPERATORS[valueType]),
    );
    for (const op of def.filterOperators) expect(supported, op).toContain(op);
  });

  it("agrees with the definition validator on what may be computed and unique", () => {
    expect(def.computable).toBe(COMPUTABLE[type]);
    expect(def.validationProps.includes("unique")).toBe(UNIQUE_CAPABLE[type]);
  });
});
