import type { MenuItem } from "@formwork/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addGroup,
  deleteGroup,
  menuOrder,
  moveForm,
  moveTopLevel,
  newGroupId,
  placeOf,
  renameGroup,
} from "./menu-model";

const f = (form: string): MenuItem => ({ type: "form", form });
const g = (id: string, forms: string[], name = id): MenuItem => ({ type: "group", id, name, forms });
const menu: MenuItem[] = [f("a"), g("g1", ["b", "c"]), f("d"), g("g2", [])];

describe("menu model", () => {
  it("finds where a form sits", () => {
    expect(placeOf(menu, "a")).toEqual({ group: null, index: 0 });
    expect(placeOf(menu, "c")).toEqual({ group: "g1", index: 1 });
    expect(placeOf(menu, "zz")).toBeUndefined();
  });

  it("moves forms within and between groups and the top level", () => {
    expect(moveForm(menu, "c", { group: "g1", index: 0 })).toEqual([
      f("a"),
      g("g1", ["c", "b"]),
      f("d"),
      g("g2", []),
    ]);
    expect(moveForm(menu, "a", { group: "g2", index: 0 })).toEqual([
      g("g1", ["b", "c"]),
      f("d"),
      g("g2", ["a"]),
    ]);
    expect(moveForm(menu, "b", { group: null, index: 0 })).toEqual([
      f("b"),
      f("a"),
      g("g1", ["c"]),
      f("d"),
      g("g2", []),
    ]);
    expect(moveForm(menu, "d", { group: null, index: 99 })).toEqual([
      f("a"),
      g("g1", ["b", "c"]),
      g("g2", []),
      f("d"),
    ]);
  });

  it("reorders top-level items and manages groups", () => {
    expect(moveTopLevel(menu, 3, 0)).toEqual([g("g2", []), f("a"), g("g1", ["b", "c"]), f("d")]);
    expect(addGroup([f("a")], "n", "  新分组 ")).toEqual([f("a"), g("n", [], "新分组")]);
    expect(renameGroup(menu, "g1", "销售")[1]).toEqual(g("g1", ["b", "c"], "销售"));
    expect(deleteGroup(menu, "g1")).toEqual([f("a"), f("b"), f("c"), f("d"), g("g2", [])]);
    expect(newGroupId(menu)).toMatch(/^g[a-z0-9]{1,9}$/);
  });

  it("never loses or repeats a form, whatever is moved where", () => {
    const target = fc.record({
      group: fc.constantFrom(null, "g1", "g2"),
      index: fc.integer({ min: -1, max: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d"), target), { maxLength: 10 }),
        (moves) => {
          let current: MenuItem[] = menu;
          for (const [form, to] of moves) current = moveForm(current, form, to);
          expect([...menuOrder(current)].sort()).toEqual(["a", "b", "c", "d"]);
        },
      ),
    );
  });
});
