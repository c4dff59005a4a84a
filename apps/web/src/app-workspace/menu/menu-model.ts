// The menu as the web edits it: pure functions over the server's layout (top-level forms and
// dashboards, and one level of groups of them). Each returns a new layout; the caller sends it whole,
// with the revision it was made on, so the server can refuse a stale one. A form or dashboard (a
// "leaf") is named by its key, `f:<form id>` or `d:<dashboard id>`: a form and a dashboard may share
// an id.
import type { MenuItem, MenuLeaf } from "@formwork/client";

export type Menu = readonly MenuItem[];

export const leafKey = (leaf: MenuLeaf) => (leaf.type === "form" ? `f:${leaf.form}` : `d:${leaf.dashboard}`);

/** Where a leaf sits: in a group (by id) or at the top level (null), and at which index there. */
export interface Place {
  group: string | null;
  index: number;
}

export function placeOf(menu: Menu, key: string): Place | undefined {
  for (const [index, item] of menu.entries()) {
    if (item.type !== "group") {
      if (leafKey(item) === key) return { group: null, index };
      continue;
    }
    const inner = item.items.findIndex((leaf) => leafKey(leaf) === key);
    if (inner >= 0) return { group: item.id, index: inner };
  }
  return undefined;
}

function without(menu: Menu, key: string): MenuItem[] {
  return menu.flatMap((item): MenuItem[] => {
    if (item.type !== "group") return leafKey(item) === key ? [] : [item];
    return [{ ...item, items: item.items.filter((leaf) => leafKey(leaf) !== key) }];
  });
}

const clamp = (index: number, length: number) => Math.max(0, Math.min(index, length));

/** Moves a form or dashboard to `to` (index counted after it has left its old place). */
export function moveLeaf(menu: Menu, key: string, to: Place): MenuItem[] {
  const leaf = leaves(menu).find((one) => leafKey(one) === key);
  if (!leaf) return [...menu];
  const rest = without(menu, key);
  if (to.group === null) {
    rest.splice(clamp(to.index, rest.length), 0, leaf);
    return rest;
  }
  return rest.map((item) =>
    item.type === "group" && item.id === to.group
      ? { ...item, items: item.items.toSpliced(clamp(to.index, item.items.length), 0, leaf) }
      : item,
  );
}

/** Moves a top-level item (a group or a top-level form) to another top-level index. */
export function moveTopLevel(menu: Menu, from: number, to: number): MenuItem[] {
  const next = [...menu];
  const [item] = next.splice(from, 1);
  if (item) next.splice(clamp(to, next.length), 0, item);
  return next;
}

export function addGroup(menu: Menu, id: string, name: string): MenuItem[] {
  return [...menu, { type: "group", id, name: name.trim(), items: [] }];
}

export function renameGroup(menu: Menu, id: string, name: string): MenuItem[] {
  return menu.map((item) =>
    item.type === "group" && item.id === id ? { ...item, name: name.trim() } : item,
  );
}

/** Removes the group; its forms and dashboards stay in the menu, at the top level where it was. */
export function deleteGroup(menu: Menu, id: string): MenuItem[] {
  return menu.flatMap((item): MenuItem[] => (item.type === "group" && item.id === id ? item.items : [item]));
}

/** A group id unlikely to collide, short enough for the server's pattern. */
export function newGroupId(menu: Menu): string {
  const taken = new Set(menu.flatMap((item) => (item.type === "group" ? [item.id] : [])));
  for (;;) {
    const id = `g${Math.random().toString(36).slice(2, 10)}`;
    if (!taken.has(id)) return id;
  }
}

/** Every form and dashboard in menu order. */
export function leaves(menu: Menu): MenuLeaf[] {
  return menu.flatMap((item) => (item.type === "group" ? item.items : [item]));
}

/** The forms in menu order. */
export function menuOrder(menu: Menu): string[] {
  return leaves(menu).flatMap((leaf) => (leaf.type === "form" ? [leaf.form] : []));
}
