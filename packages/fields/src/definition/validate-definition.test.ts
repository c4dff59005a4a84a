import { describe, expect, it } from "vitest";
import { quoteForm } from "../record/quote-form.fixture";
import { validateDefinition } from "./validate-definition";

describe("validateDefinition", () => {
  it("accepts the DESIGN §2 quote form", () => {
    expect(validateDefinition(quoteForm())).toEqual({ ok: true, value: quoteForm() });
  });

  it("adds the field types' own settings checks, with pointers", () => {
    const result = validateDefinition({
      key: "f",
      name: "F",
      fields: [
        { id: "n", type: "number", label: "N", min: 5, max: 1, default: { value: "abc" } },
        { id: "t", type: "text", label: "T", pattern: "([", minLength: 3, maxLength: 2 },
        { id: "c", type: "number", label: "C", default: { currentUser: true } },
        { id: "d", type: "date", label: "D", min: "2026-12-01", max: "2026-01-01" },
        { id: "slow", type: "text", label: "Slow", pattern: "^(\\w+\\s?)*$" },
        {
          id: "rows",
          type: "subform",
          label: "Rows",
          minRows: 3,
          maxRows: 1,
          fields: [
            { id: "s", type: "select", label: "S", options: [{ value: "a" }], default: { value: "b" } },
          ],
        },
      ],
    });
    expect(result.ok).toBe(false);
    const found = result.ok ? [] : result.issues.map((i) => [i.code, i.path]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["RANGE_INVERTED", "/fields/0/min"],
        ["DEFAULT_INVALID", "/fields/0/default/value"],
        ["INVALID_PATTERN", "/fields/1/pattern"],
        ["RANGE_INVERTED", "/fields/1/minLength"],
        ["DEFAULT_NOT_ALLOWED", "/fields/2/default"],
        ["RANGE_INVERTED", "/fields/3/min"],
        ["UNSAFE_PATTERN", "/fields/4/pattern"],
        ["RANGE_INVERTED", "/fields/5/minRows"],
        ["DEFAULT_INVALID", "/fields/5/fields/0/default/value"],
      ]),
    );
  });

  it("keeps the schema package's reference checks", () => {
    const form = quoteForm();
    form.fields.push({ id: "bad", type: "number", label: "Bad", formula: "nope * 2" });
    const result = validateDefinition(form);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toContain("UNKNOWN_FIELD_REF");
  });

  it("stops at shape errors without looking at settings", () => {
    const result = validateDefinition({
      key: "f",
      name: "F",
      fields: [{ id: "x", type: "nope", label: "X" }],
    });
    expect(result.ok).toBe(false);
    expect(validateDefinition(null).ok).toBe(false);
  });
});
