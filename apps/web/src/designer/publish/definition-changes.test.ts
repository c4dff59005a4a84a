import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { definitionChanges } from "./definition-changes";

const form = (fields: FieldDefinition[]): FormDefinition => ({ key: "f", name: "F", fields });

describe("definitionChanges", () => {
  it("lists added, removed and changed fields, sub-form columns included", () => {
    const published = form([
      { id: "a", type: "text", label: "A" },
      { id: "b", type: "number", label: "B" },
      { id: "items", type: "subform", label: "Items", fields: [{ id: "qty", type: "number", label: "Qty" }] },
    ]);
    const draft = form([
      { id: "a", type: "text", label: "A2" },
      { id: "c", type: "email", label: "C" },
      { id: "items", type: "subform", label: "Items", fields: [{ id: "price", type: "money", label: "P" }] },
    ]);
    const changes = definitionChanges(published, draft);
    expect(changes.added.map((f) => f.id)).toEqual(["c", "price"]);
    expect(changes.removed.map((f) => f.id)).toEqual(["b", "qty"]);
    expect(changes.changed.map((f) => f.id)).toEqual(["a"]);
  });

  it("flags type changes that change the stored column as incompatible", () => {
    const published = form([
      { id: "a", type: "text", label: "A" },
      { id: "b", type: "text", label: "B" },
    ]);
    const draft = form([
      { id: "a", type: "number", label: "A" },
      { id: "b", type: "textarea", label: "B" },
    ]);
    expect(definitionChanges(published, draft).typeChanges).toEqual([
      { id: "a", from: "text", to: "number", incompatible: true },
      { id: "b", from: "text", to: "textarea", incompatible: false },
    ]);
  });

  it("treats everything as added before the first publish", () => {
    expect(definitionChanges(undefined, form([{ id: "a", type: "text", label: "A" }])).added).toHaveLength(1);
  });
});
