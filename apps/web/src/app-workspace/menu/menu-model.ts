// The form menu as the web edits it: pure functions over the server's layout (top-level forms and
// one level of groups). Each returns a new layout; the caller sends it whole, with the revision it
// was made on, so the server can refuse a stale one.
import type { MenuItem } from "@formwork/client";

export type Menu = readonly MenuItem[];

/** Where a form sits: in a group (by id) or at the top level (null), and at which index there. */
export interface Place {
  group: string | null;
  index: number;
}

export function placeOf(menu: Menu, formId: string): Place | undefined {
  for (const [index, item] of menu.entries()) {
    if (item.type === "form" && item.form === formId) return { group: null, index };
    if (item.type === "group") {
      const inner = item.forms.indexOf(formId);
      if (inner >= 0) return { group: item.id, index: inner };
    }
  }
  return undefined;
}

function without(menu: Menu, formId: string): MenuItem[] {
  return menu.flatMap((item): MenuItem[] => {
    if (item.type === "form") return item.form === formId ? [] : [item];
    return [{ ...item, forms: item.forms.filter((id) => id !== formId) }];
  });
}

const clamp = (index: number, length: number) => Math.max(0, Math.min(index, length));

/** Moves a form to `to` (index counted after the form has left its old place). */
export function moveForm(menu: Menu, formId: string, to: Place): MenuItem[] {
  if (!placeOf(menu, formId)) return [...menu];
  const rest = without(menu, formId);
  if (to.group === null) {
    rest.splice(clamp(to.index, rest.length), 0, { type: "form", form: formId });
    return rest;
  }
  return rest.map((item) =>
    item.type === "group" && item.id === to.group
      ? { ...item, forms: item.forms.toSpliced(clamp(to.index, item.forms.length), 0, formId) }
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
  return [...menu, { type: "group", id, name: name.trim(), forms: [] }];
}

export function renameGroup(menu: Menu, id: string, name: string): MenuItem[] {
  return menu.map((item) =>
    item.type === "group" && item.id === id ? { ...item, name: name.trim() } : item,
  );
}

/** Removes the group; its forms stay in the menu, at the top level where the group was. */
export function deleteGroup(menu: Menu, id: string): MenuItem[] {
  return menu.flatMap((item): MenuItem[] =>
    item.type === "group" && item.id === id ? item.forms.map((form) => ({ type: "form", form })) : [item],
  );
}

/** A group id unlikely to collide, short enough for the server's pattern. */
export function newGroupId(menu: Menu): string {
  const taken = new Set(menu.flatMap((item) => (item.type === "group" ? [item.id] : [])));
  for (;;) {
    const id = `g${Math.random().toString(36).slice(2, 10)}`;
    if (!taken.has(id)) return id;
  }
}

/** The forms in menu order. */
export function menuOrder(menu: Menu): string[] {
  return menu.flatMap((item) => (item.type === "form" ? [item.form] : item.forms));
}
