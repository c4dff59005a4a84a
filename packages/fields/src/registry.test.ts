import { FIELD_TYPES, type FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { fieldTypes, getFieldType, storedColumns, storedFields } from "./registry";

describe("registry", () => {
  it("has exactly the types of FIELD_TYPES", () => {
    expect(Object.keys(fieldTypes).sort()).toEqual([...FIELD_TYPES].sort());
    expect(getFieldType("money").type).toBe("money");
  });

  it("lists the stored fields of a form and the stored columns of a sub-form", () => {
    const form: FormDefinition = {
      key: "f",
      name: "F",
      fields: [
        { id: "a", type: "text", label: "A" },
        { id: "line", type: "divider", label: "-" },
        { id: "related", type: "lookup", label: "R", form: "x", fields: ["y"] },
        {
          id: "rows",
          type: "subform",
          label: "Rows",
          fields: [
            { id: "n", type: "number", label: "N" },
            { id: "hint", type: "description", label: "H" },
          ],
        },
      ],
    };
    expect(storedFields(form).map((f) => f.id)).toEqual(["a", "rows"]);
    const rows = form.fields[3];
    if (rows?.type !== "subform") throw new Error("fixture");
    expect(storedColumns(rows).map((c) => c.id)).toEqual(["n"]);
  });
});
