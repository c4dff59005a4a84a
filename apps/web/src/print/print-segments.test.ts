import type { FieldDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { printSegments } from "./print-segments";

const f = (id: string, type = "text") => ({ id, type, label: id }) as FieldDefinition;
const sub = (id: string) => ({ id, type: "subform", label: id, fields: [f("a")] }) as FieldDefinition;

describe("printSegments", () => {
  it("keeps the form's order, grouping ordinary fields between sub-forms", () => {
    const segments = printSegments([f("a"), f("b"), sub("items"), f("c"), sub("more"), sub("last")]);
    expect(
      segments.map((s) => (s.type === "fields" ? s.fields.map((x) => x.id) : `[${s.field.id}]`)),
    ).toEqual([["a", "b"], "[items]", ["c"], "[more]", "[last]"]);
  });

  it("answers nothing for no fields and one run without sub-forms", () => {
    expect(printSegments([])).toEqual([]);
    expect(printSegments([f("a"), f("b")])).toEqual([{ type: "fields", fields: [f("a"), f("b")] }]);
  });
});
