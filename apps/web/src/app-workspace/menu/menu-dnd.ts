// What a drop in the menu means. Draggables and droppables are the menu's rows: a form or dashboard by
// its leaf key (`f:<form id>`, `d:<dashboard id>`, at the top level or in a group) and `g:<group id>`
// for a group's header.
import type { MenuItem } from "@formwork/client";
import { leafKey, type Menu, moveLeaf, moveTopLevel, placeOf } from "./menu-model";

export const groupRowId = (groupId: string) => `g:${groupId}`;

type Row = { kind: "leaf"; key: string } | { kind: "group"; id: string };

export function parseRowId(rowId: string | number): Row | undefined {
  const text = String(rowId);
  if (text.startsWith("f:") || text.startsWith("d:")) return { kind: "leaf", key: text };
  if (text.startsWith("g:")) return { kind: "group", id: text.slice(2) };
  return undefined;
}

function topLevelIndex(menu: Menu, row: Row): number {
  return menu.findIndex((item) =>
    row.kind === "group"
      ? item.type === "group" && item.id === row.id
      : item.type === "group"
        ? item.items.some((leaf) => leafKey(leaf) === row.key)
        : leafKey(item) === row.key,
  );
}

/** The layout after dropping `active` on `over`, or undefined when nothing changes. */
export function dropResult(
  menu: Menu,
  active: string | number,
  over: string | number | undefined,
): MenuItem[] | undefined {
  const from = parseRowId(active);
  const to = over === undefined ? undefined : parseRowId(over);
  if (!from || !to || String(active) === String(over)) return undefined;

  if (from.kind === "group") {
    // Groups move among the top-level items only; a drop inside a group means "here, at the group".
    const fromIndex = topLevelIndex(menu, from);
    const toIndex = topLevelIndex(menu, to);
    return fromIndex < 0 || toIndex < 0 ? undefined : moveTopLevel(menu, fromIndex, toIndex);
  }

  const origin = placeOf(menu, from.key);
  if (!origin) return undefined;
  if (to.kind === "group") {
    // Onto a group's header: into that group, at its start when already in it, else at its end.
    const group = menu.find((item) => item.type === "group" && item.id === to.id);
    if (group?.type !== "group") return undefined;
    const index = origin.group === to.id ? 0 : group.items.length;
    return moveLeaf(menu, from.key, { group: to.id, index });
  }
  const target = placeOf(menu, to.key);
  if (!target) return undefined;
  // Within one list this is arrayMove (the leaf takes the target's place); across lists it goes before it.
  return moveLeaf(menu, from.key, target);
}
