import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import {
  type DefinitionAction,
  definitionReducer,
  HISTORY_LIMIT,
  initialHistory,
} from "./definition-history";
import { createField } from "./new-field";

const text = (id: string): FieldDefinition => ({ id, type: "text", label: id });
const form = (fields: FieldDefinition[]): FormDefinition => ({ key: "orders", name: "Orders", fields });
const ids = (def: FormDefinition) => def.fields.map((f) => f.id);
const run = (def: FormDefinition, ...actions: DefinitionAction[]) =>
  actions.reduce(definitionReducer, initialHistory(def));

describe("definitionReducer", () => {
  it("adds at an index or at the end", () => {
    const state = run(
      form([text("a"), text("b")]),
      { type: "add", field: text("c"), index: 1 },
      {
        type: "add",
        field: text("d"),
      },
    );
    expect(ids(state.present)).toEqual(["a", "c", "b", "d"]);
  });

  it("adds columns into a sub-form and ignores a missing parent", () => {
    const sub = { ...createField("subform", []), id: "items" } as FieldDefinition;
    const state = run(
      form([sub]),
      { type: "add", field: text("price"), parent: "items" },
      {
        type: "add",
        field: text("x"),
        parent: "nope",
      },
    );
    const items = state.present.fields[0];
    expect(items?.type === "subform" && items.fields.map((f) => f.id)).toEqual(["price"]);
    expect(state.past).toHaveLength(1);
  });

  it("moves within a list", () => {
    const state = run(form([text("a"), text("b"), text("c")]), { type: "move", from: 0, to: 2 });
    expect(ids(state.present)).toEqual(["b", "c", "a"]);
    expect(run(state.present, { type: "move", from: 0, to: 9 }).past).toHaveLength(0);
  });

  it("updates a field and removes keys set to undefined", () => {
    const start = form([{ ...text("a"), required: true }]);
    const state = run(start, { type: "update", id: "a", patch: { label: "A", required: undefined } });
    expect(state.present.fields[0]).toEqual({ id: "a", type: "text", label: "A" });
    expect(start.fields[0]).toEqual({ id: "a", type: "text", label: "a", required: true });
  });

  it("deletes and duplicates next to the original", () => {
    const state = run(
      form([text("a"), text("b")]),
      { type: "duplicate", id: "a", newId: "a_copy" },
      {
        type: "remove",
        id: "b",
      },
    );
    expect(ids(state.present)).toEqual(["a", "a_copy"]);
  });

  it("undoes and redoes every change, and a new change clears redo", () => {
    const start = form([text("a")]);
    let state = run(start, { type: "add", field: text("b") }, { type: "remove", id: "a" });
    expect(ids(state.present)).toEqual(["b"]);
    state = definitionReducer(state, { type: "undo" });
    expect(ids(state.present)).toEqual(["a", "b"]);
    state = definitionReducer(state, { type: "undo" });
    expect(state.present).toBe(start);
    expect(definitionReducer(state, { type: "undo" })).toBe(state);
    state = definitionReducer(state, { type: "redo" });
    expect(ids(state.present)).toEqual(["a", "b"]);
    state = definitionReducer(state, { type: "add", field: text("z") });
    expect(state.future).toEqual([]);
    expect(definitionReducer(state, { type: "redo" })).toBe(state);
  });

  it("merges consecutive keystrokes into one undo step", () => {
    const typing = ["O", "Or", "Ord"].map(
      (label): DefinitionAction => ({ type: "update", id: "a", patch: { label }, coalesce: "a.label" }),
    );
    let state = run(form([text("a")]), ...typing);
    expect(state.past).toHaveLength(1);
    state = definitionReducer(state, { type: "update", id: "a", patch: { required: true } });
    expect(state.past).toHaveLength(2);
    state = definitionReducer(definitionReducer(state, { type: "undo" }), { type: "undo" });
    expect(state.present.fields[0]?.label).toBe("a");
  });

  it("keeps a bounded history", () => {
    const actions = Array.from(
      { length: HISTORY_LIMIT + 20 },
      (_, i): DefinitionAction => ({
        type: "add",
        field: text(`f_${i}`),
      }),
    );
    expect(run(form([]), ...actions).past).toHaveLength(HISTORY_LIMIT);
  });

  it("load resets the history", () => {
    const state = run(form([]), { type: "add", field: text("a") }, { type: "load", definition: form([]) });
    expect(state.past).toEqual([]);
  });
});
