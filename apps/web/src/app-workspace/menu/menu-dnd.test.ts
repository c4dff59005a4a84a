import type { MenuItem } from "@formwork/client";
import { describe, expect, it } from "vitest";
import { dropResult, groupRowId, parseRowId } from "./menu-dnd";

const f = (form: string): MenuItem => ({ type: "form", form });
const d = (dashboard: string): MenuItem => ({ type: "dashboard", dashboard });
const g = (id: string, items: (string | MenuItem)[]): MenuItem => ({
  type: "group",
  id,
  name: id,
  items: items.map((item) => (typeof item === "string" ? { type: "form", form: item } : item)) as never,
});
const menu: MenuItem[] = [f("a"), g("g1", ["b", "c"]), f("d"), g("g2", [])];

describe("menu drops", () => {
  it("reads row ids", () => {
    expect(parseRowId("f:x")).toEqual({ kind: "leaf", key: "f:x" });
    expect(parseRowId("d:x")).toEqual({ kind: "leaf", key: "d:x" });
    expect(parseRowId(groupRowId("y"))).toEqual({ kind: "group", id: "y" });
    expect(parseRowId("other")).toBeUndefined();
  });

  it("reorders forms like arrayMove within a list", () => {
    expect(dropResult(menu, "f:a", "f:d")).toEqual([g("g1", ["b", "c"]), f("d"), f("a"), g("g2", [])]);
    expect(dropResult(menu, "f:c", "f:b")).toEqual([f("a"), g("g1", ["c", "b"]), f("d"), g("g2", [])]);
  });

  it("moves a form into a group by its header or by one of its forms, and out again", () => {
    expect(dropResult(menu, "f:a", "g:g2")).toEqual([g("g1", ["b", "c"]), f("d"), g("g2", ["a"])]);
    expect(dropResult(menu, "f:d", "f:c")).toEqual([f("a"), g("g1", ["b", "d", "c"]), g("g2", [])]);
    expect(dropResult(menu, "f:b", "f:d")).toEqual([f("a"), g("g1", ["c"]), f("b"), f("d"), g("g2", [])]);
    expect(dropResult(menu, "f:c", "g:g1")).toEqual([f("a"), g("g1", ["c", "b"]), f("d"), g("g2", [])]);
  });

  it("moves a dashboard like a form, into groups and between them, apart from a form of the same id", () => {
    const mixed: MenuItem[] = [d("a"), g("g1", ["a", d("x")]), g("g2", [])];
    expect(dropResult(mixed, "d:a", "f:a")).toEqual([g("g1", [d("a"), "a", d("x")]), g("g2", [])]);
    expect(dropResult(mixed, "d:x", "g:g2")).toEqual([d("a"), g("g1", ["a"]), g("g2", [d("x")])]);
    expect(dropResult(mixed, "d:x", "f:a")).toEqual([d("a"), g("g1", [d("x"), "a"]), g("g2", [])]);
    expect(dropResult(mixed, "g:g2", "d:a")).toEqual([g("g2", []), d("a"), g("g1", ["a", d("x")])]);
  });

  it("moves groups among top-level items only", () => {
    expect(dropResult(menu, "g:g2", "f:a")).toEqual([g("g2", []), f("a"), g("g1", ["b", "c"]), f("d")]);
    expect(dropResult(menu, "g:g2", "f:b")).toEqual([f("a"), g("g2", []), g("g1", ["b", "c"]), f("d")]);
  });

  it("ignores drops on nothing or on itself", () => {
    expect(dropResult(menu, "f:a", undefined)).toBeUndefined();
    expect(dropResult(menu, "f:a", "f:a")).toBeUndefined();
    expect(dropResult(menu, "f:zz", "f:a")).toBeUndefined();
  });
});
