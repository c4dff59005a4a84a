import { validateDefinition } from "@formwork/fields";
import { FIELD_TYPES } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { createField } from "./new-field";

describe("createField", () => {
  it("gives every self-contained type a field the definition validator accepts", () => {
    const needsTarget = new Set(["link", "lookup", "aggregate"]);
    const taken: string[] = [];
    const fields = FIELD_TYPES.filter((type) => !needsTarget.has(type)).map((type) => {
      const field = createField(type, taken);
      taken.push(field.id);
      // A sub-form is only publishable with a column; the designer shows that as a publish issue.
      return field.type === "subform" ? { ...field, fields: [createField("text", taken)] } : field;
    });
    const result = validateDefinition({ key: "all", name: "All", fields });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it("numbers ids per type", () => {
    expect(createField("number", ["number_1"]).id).toBe("number_2");
  });
});
