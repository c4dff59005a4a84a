import { FormworkError } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMenu, type MenuLayout, menuOrder, resolveMenu } from "./menu-layout";

const group = (id: string, forms: string[], name = id): MenuLayout[number] => ({
  type: "group",
  id,
  name,
  forms,
});
const form = (id: string): MenuLayout[number] => ({ type: "form", form: id });

describe("resolveMenu", () => {
  it("keeps the stored order and groups, drops deleted forms and appends new ones", () => {
    const stored = [form("c"), group("g1", ["a", "gone"]), form("gone2")];
    const menu = resolveMenu(stored, ["a", "b", "c", "d"]);
    expect(menu).toEqual([form("c"), group("g1", ["a"]), form("b"), form("d")]);
    expect(menuOrder(menu)).toEqual(["c", "a", "b", "d"]);
  });

  it("keeps empty groups and reads garbage as an empty layout", () => {
    expect(resolveMenu([group("g", [])], ["a"])).toEqual([group("g", []), form("a")]);
    expect(resolveMenu(null, ["a", "b"])).toEqual([form("a"), form("b")]);
    expect(resolveMenu([{ type: "group" }, 3, { type: "form", form: 7 }], ["a"])).toEqual([form("a")]);
  });

  it("lists every live form exactly once, whatever was stored", () => {
    const id = fc.constantFrom("a", "b", "c", "d", "e", "x");
    const item = fc.oneof(
      id.map(form),
      fc.tuple(fc.constantFrom("g1", "g2"), fc.array(id, { maxLength: 4 })).map(([g, f]) => group(g, f)),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.uniqueArray(id, { maxLength: 5 }), (stored, live) => {
        const order = menuOrder(resolveMenu(stored, live));
        expect([...order].sort()).toEqual([...live].sort());
      }),
    );
  });
});

describe("checkMenu", () => {
  it("accepts a layout of the app's forms and trims group names", () => {
    expect(checkMenu([group("g", ["b"], " 销售 "), form("a")], ["a", "b"])).toEqual([
      group("g", ["b"], "销售"),
      form("a"),
    ]);
  });

  it("points at unknown and repeated forms and repeated group ids", () => {
    try {
      checkMenu([form("a"), group("g", ["a", "zz"]), group("g", [])], ["a"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormworkError);
      expect((error as FormworkError).details.map((d) => d.path)).toEqual([
        "/menu/1/forms/0",
        "/menu/1/forms/1",
        "/menu/2/id",
      ]);
    }
  });
});
