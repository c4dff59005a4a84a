import { FormworkError } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkMenu,
  dashboardOrder,
  type MenuLayout,
  type MenuLeaf,
  menuFor,
  menuOrder,
  resolveMenu,
} from "./menu-layout";

const form = (id: string): MenuLeaf => ({ type: "form", form: id });
const dashboard = (id: string): MenuLeaf => ({ type: "dashboard", dashboard: id });
/** A group of forms (plain ids) and dashboards (leaves). */
const group = (id: string, items: (string | MenuLeaf)[], name = id): MenuLayout[number] => ({
  type: "group",
  id,
  name,
  items: items.map((item) => (typeof item === "string" ? form(item) : item)),
});
const forms = (ids: string[]) => ({ forms: ids, dashboards: [] });

describe("resolveMenu", () => {
  it("keeps the stored order and groups, drops deleted forms and appends new ones", () => {
    const stored = [form("c"), group("g1", ["a", "gone"]), form("gone2")];
    const menu = resolveMenu(stored, forms(["a", "b", "c", "d"]));
    expect(menu).toEqual([form("c"), group("g1", ["a"]), form("b"), form("d")]);
    expect(menuOrder(menu)).toEqual(["c", "a", "b", "d"]);
  });

  it("keeps empty groups and reads garbage as an empty layout", () => {
    expect(resolveMenu([group("g", [])], forms(["a"]))).toEqual([group("g", []), form("a")]);
    expect(resolveMenu(null, forms(["a", "b"]))).toEqual([form("a"), form("b")]);
    expect(resolveMenu([{ type: "group" }, 3, { type: "form", form: 7 }], forms(["a"]))).toEqual([form("a")]);
  });

  it("lists every live form exactly once, whatever was stored", () => {
    const id = fc.constantFrom("a", "b", "c", "d", "e", "x");
    const item = fc.oneof(
      id.map(form),
      fc.tuple(fc.constantFrom("g1", "g2"), fc.array(id, { maxLength: 4 })).map(([g, f]) => group(g, f)),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.uniqueArray(id, { maxLength: 5 }), (stored, live) => {
        const order = menuOrder(resolveMenu(stored, forms(live)));
        expect([...order].sort()).toEqual([...live].sort());
      }),
    );
  });
});

describe("dashboards in the menu", () => {
  const live = { forms: ["a", "b"], dashboards: ["a", "d1", "d2"] };

  it("reads a layout stored before dashboards (groups of form ids) and appends dashboards last", () => {
    const legacy = [{ type: "group", id: "g", name: "G", forms: ["b", "a"] }];
    expect(resolveMenu(legacy, live)).toEqual([
      group("g", ["b", "a"], "G"),
      dashboard("a"),
      dashboard("d1"),
      dashboard("d2"),
    ]);
  });

  it("keeps a form and a dashboard that share an id apart, and drops deleted dashboards", () => {
    const stored = [dashboard("gone"), group("g", [dashboard("d2"), "a", dashboard("a")]), form("b")];
    const menu = resolveMenu(stored, live);
    expect(menu).toEqual([group("g", [dashboard("d2"), "a", dashboard("a")]), form("b"), dashboard("d1")]);
    expect(menuOrder(menu)).toEqual(["a", "b"]);
    expect(dashboardOrder(menu)).toEqual(["d2", "a", "d1"]);
  });

  it("shows a member dashboards only when they may open the app, never an emptied group", () => {
    const menu = [group("boards", [dashboard("d1")]), group("g", ["a", "b"]), dashboard("d2")];
    expect(menuFor(menu, { forms: new Set(["b"]), dashboards: true })).toEqual([
      group("boards", [dashboard("d1")]),
      group("g", ["b"]),
      dashboard("d2"),
    ]);
    expect(menuFor(menu, { forms: new Set(), dashboards: false })).toEqual([]);
  });

  it("points at unknown and repeated dashboards", () => {
    try {
      checkMenu([dashboard("d1"), group("g", [dashboard("zz"), dashboard("d1")])], live);
      expect.unreachable();
    } catch (error) {
      expect((error as FormworkError).code).toBe("VALIDATION_FAILED");
      expect((error as FormworkError).details.map((d) => d.path)).toEqual([
        "/menu/1/items/0/dashboard",
        "/menu/1/items/1/dashboard",
      ]);
    }
  });
});

describe("checkMenu", () => {
  it("accepts a layout of the app's forms and trims group names", () => {
    expect(checkMenu([group("g", ["b"], " 销售 "), form("a")], forms(["a", "b"]))).toEqual([
      group("g", ["b"], "销售"),
      form("a"),
    ]);
  });

  it("points at unknown and repeated forms and repeated group ids", () => {
    try {
      checkMenu([form("a"), group("g", ["a", "zz"]), group("g", [])], forms(["a"]));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormworkError);
      expect((error as FormworkError).details.map((d) => d.path)).toEqual([
        "/menu/1/items/0/form",
        "/menu/1/items/1/form",
        "/menu/2/id",
      ]);
    }
  });
});
