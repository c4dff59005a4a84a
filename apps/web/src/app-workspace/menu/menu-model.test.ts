import type { MenuItem } from "@formwork/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addGroup,
  deleteGroup,
  leafKey,
  leaves,
  menuOrder,
  moveLeaf,
  moveTopLevel,
  newGroupId,
  placeOf,
  renameGroup,
} from "./menu-model";

const f = (form: string): MenuItem => ({ type: "form", form });
const g = (id: string, forms: string[], name = id): MenuItem => ({
  type: "group",
  id,
  name,
  items: forms.map((form) => ({ type: "form", form })),
});
const menu: MenuItem[] = [f("a"), g("g1", ["b", "c"]), f("d"), g("g2", [])];

describe("menu model", () => {
  it("finds where a form sits", () => {
    expect(placeOf(menu, "f:a")).toEqual({ group: null, index: 0 });
    expect(placeOf(menu, "f:c")).toEqual({ group: "g1", index: 1 });
    expect(placeOf(menu, "f:zz")).toBeUndefined();
  });

  it("moves forms within and between groups and the top level", () => {
    expect(moveLeaf(menu, "f:c", { group: "g1", index: 0 })).toEqual([
      f("a"),
      g("g1", ["c", "b"]),
      f("d"),
      g("g2", []),
    ]);
    expect(moveLeaf(menu, "f:a", { group: "g2", index: 0 })).toEqual([
      g("g1", ["b", "c"]),
      f("d"),
      g("g2", ["a"]),
    ]);
    expect(moveLeaf(menu, "f:b", { group: null, index: 0 })).toEqual([
      f("b"),
      f("a"),
      g("g1", ["c"]),
      f("d"),
      g("g2", []),
    ]);
    expect(moveLeaf(menu, "f:d", { group: null, index: 99 })).toEqual([
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

  it("moves a dashboard and keeps it in place when its group is deleted", () => {
    const board: MenuItem = { type: "dashboard", dashboard: "a" };
    const withBoard = moveLeaf([board, ...menu], "d:a", { group: "g1", index: 1 });
    expect(withBoard[1]).toEqual({ type: "group", id: "g1", name: "g1", items: [f("b"), board, f("c")] });
    expect(menuOrder(withBoard)).toEqual(["a", "b", "c", "d"]);
    expect(deleteGroup(withBoard, "g1").slice(0, 4)).toEqual([f("a"), f("b"), board, f("c")]);
  });

  it("never loses or repeats a form or dashboard, whatever is moved where", () => {
    const target = fc.record({
      group: fc.constantFrom(null, "g1", "g2"),
      index: fc.integer({ min: -1, max: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("f:a", "f:b", "f:c", "f:d", "d:a"), target), { maxLength: 10 }),
        (moves) => {
          let current: MenuItem[] = [...menu, { type: "dashboard", dashboard: "a" }];
          for (const [key, to] of moves) current = moveLeaf(current, key, to);
          expect(leaves(current).map(leafKey).sort()).toEqual(["d:a", "f:a", "f:b", "f:c", "f:d"]);
        },
      ),
    );
  });
});
