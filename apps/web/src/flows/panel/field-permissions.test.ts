import type { FieldDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { columnLevel, withChanges } from "./field-permissions";

const fields = [
  { id: "title", type: "text", label: "T" },
  {
    id: "items",
    type: "subform",
    label: "I",
    fields: [
      { id: "price", type: "number", label: "P" },
      { id: "qty", type: "number", label: "Q" },
    ],
  },
] as FieldDefinition[];

describe("node field permissions with sub-form columns", () => {
  it("columns follow their sub-form until one narrows it", () => {
    expect(columnLevel(undefined, "view", "items", "price")).toBe("view");
    expect(columnLevel({ items: "edit", "items.price": "view" }, "view", "items", "price")).toBe("view");
    expect(columnLevel({ items: "edit", "items.price": "view" }, "view", "items", "qty")).toBe("edit");
    // An entry wider than its sub-form does not widen it.
    expect(columnLevel({ items: "view", "items.price": "edit" }, "view", "items", "price")).toBe("view");
  });

  it("writes every field out and keeps only the column entries that narrow", () => {
    const once = withChanges(fields, undefined, "view", { items: "edit" });
    expect(once).toEqual({ title: "view", items: "edit" });
    const narrowed = withChanges(fields, once, "view", { "items.price": "hidden" });
    expect(narrowed).toEqual({ title: "view", items: "edit", "items.price": "hidden" });
    // Same as the sub-form: nothing to keep.
    expect(withChanges(fields, narrowed, "view", { "items.price": "edit" })).toEqual({
      title: "view",
      items: "edit",
    });
    // Hiding the sub-form hides its columns: the narrower entry goes.
    expect(withChanges(fields, narrowed, "view", { items: "hidden" })).toEqual({
      title: "view",
      items: "hidden",
    });
  });
});
