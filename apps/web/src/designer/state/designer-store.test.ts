import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { describe, expect, it, vi } from "vitest";
import { createDesignerStore, fieldById, idsKey } from "./designer-store";

const text = (id: string): FieldDefinition => ({ id, type: "text", label: id });
const form = (fields: FieldDefinition[]): FormDefinition => ({ key: "orders", name: "Orders", fields });
const withColumns: FieldDefinition = {
  id: "items",
  type: "subform",
  label: "Items",
  fields: [text("qty"), text("price")],
} as FieldDefinition;

describe("createDesignerStore", () => {
  it("runs the history reducer and notifies subscribers of each change", () => {
    const store = createDesignerStore(form([text("a"), text("b")]));
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.dispatch({ type: "update", id: "a", patch: { label: "A" }, coalesce: "a.label" });
    store.dispatch({ type: "update", id: "a", patch: { label: "AB" }, coalesce: "a.label" });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(fieldById(store.definition(), "a")?.label).toBe("AB");
    // Typing into one input is one undo step.
    store.dispatch({ type: "undo" });
    expect(fieldById(store.definition(), "a")?.label).toBe("a");
    store.dispatch({ type: "redo" });
    expect(fieldById(store.definition(), "a")?.label).toBe("AB");
    unsubscribe();
    store.dispatch({ type: "remove", id: "b" });
    expect(listener).toHaveBeenCalledTimes(4);
    expect(idsKey(store.definition().fields)).toBe("a");
  });

  it("does not notify for an action that changes nothing or the same selection again", () => {
    const store = createDesignerStore(form([text("a")]));
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: "update", id: "missing", patch: { label: "x" } });
    store.dispatch({ type: "undo" });
    expect(listener).not.toHaveBeenCalled();
    store.select({ id: "a" });
    store.select({ id: "a" });
    expect(listener).toHaveBeenCalledTimes(1);
    store.select({ id: "a", parent: "items" });
    store.select(undefined);
    expect(listener).toHaveBeenCalledTimes(3);
    expect(store.getState().selection).toBeUndefined();
  });

  it("keeps the identity of fields an edit did not touch, so their cards skip the re-render", () => {
    const store = createDesignerStore(form([text("a"), text("b"), withColumns]));
    const before = store.definition();
    store.dispatch({ type: "update", id: "a", patch: { label: "A" } });
    const after = store.definition();
    expect(fieldById(after, "b")).toBe(fieldById(before, "b"));
    expect(fieldById(after, "qty", "items")).toBe(fieldById(before, "qty", "items"));
    expect(fieldById(after, "a")).not.toBe(fieldById(before, "a"));
    // The canvas's key of ids is a primitive: the same after an edit, different after a move.
    expect(idsKey(after.fields)).toBe(idsKey(before.fields));
    store.dispatch({ type: "move", from: 0, to: 1 });
    expect(idsKey(store.definition().fields)).toBe("b\na\nitems");
  });

  it("finds columns under their sub-form only", () => {
    const def = form([text("a"), withColumns]);
    expect(fieldById(def, "price", "items")?.id).toBe("price");
    expect(fieldById(def, "price")).toBeUndefined();
    expect(fieldById(def, "qty", "a")).toBeUndefined();
    expect(fieldById(def, "a", "missing")).toBeUndefined();
  });
});
