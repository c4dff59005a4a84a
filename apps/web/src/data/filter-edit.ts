// Edits of the filter panel's draft: a condition or a group is addressed by its path of indexes from
// the top group ([2] = the top group's third item, [2, 0] = the first item of that group). Pure.
import {
  emptyFilter,
  type FilterCondition,
  type FilterGroup,
  type FilterItem,
  isGroup,
} from "./filter-model";

export type ItemPath = readonly number[];

export const blankCondition = (): FilterCondition => ({ field: "", op: "eq" });

function mapGroup(
  group: FilterGroup,
  path: ItemPath,
  edit: (group: FilterGroup) => FilterGroup,
): FilterGroup {
  if (path.length === 0) return edit(group);
  const [head, ...rest] = path;
  return {
    ...group,
    items: group.items.map((item, i) => (i === head && isGroup(item) ? mapGroup(item, rest, edit) : item)),
  };
}

/** Replaces the item at `path` (a condition patched, or any item swapped). */
export function updateItem(
  top: FilterGroup,
  path: ItemPath,
  edit: (item: FilterItem) => FilterItem,
): FilterGroup {
  const parent = path.slice(0, -1);
  const index = path.at(-1);
  return mapGroup(top, parent, (group) => ({
    ...group,
    items: group.items.map((item, i) => (i === index ? edit(item) : item)),
  }));
}

export function removeItem(top: FilterGroup, path: ItemPath): FilterGroup {
  const parent = path.slice(0, -1);
  const index = path.at(-1);
  return mapGroup(top, parent, (group) => ({ ...group, items: group.items.filter((_, i) => i !== index) }));
}

/** Appends a blank condition to the group at `groupPath` ([] = the top group). */
export function addCondition(top: FilterGroup, groupPath: ItemPath = []): FilterGroup {
  return mapGroup(top, groupPath, (group) => ({ ...group, items: [...group.items, blankCondition()] }));
}

/** Appends a condition group (the opposite match of the top, the usual "A and (B or C)") with one blank row. */
export function addGroup(top: FilterGroup): FilterGroup {
  const inner = { ...emptyFilter(top.match === "all" ? "any" : "all"), items: [blankCondition()] };
  return { ...top, items: [...top.items, inner] };
}

export function setMatch(top: FilterGroup, groupPath: ItemPath, match: FilterGroup["match"]): FilterGroup {
  return mapGroup(top, groupPath, (group) => ({ ...group, match }));
}
