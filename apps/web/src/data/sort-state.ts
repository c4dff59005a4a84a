// Multi-column sort in the order the user clicked: antd reports the active sorters, we keep the
// earlier-clicked ones first so the newest click is the least significant key.
import type { SortKey } from "@formwork/client";

export interface ActiveSorter {
  field: string;
  order: "ascend" | "descend" | null | undefined;
}

export function nextSort(previous: readonly SortKey[], active: readonly ActiveSorter[]): SortKey[] {
  const direction = new Map<string, SortKey["direction"]>();
  for (const sorter of active) {
    if (sorter.order) direction.set(sorter.field, sorter.order === "ascend" ? "asc" : "desc");
  }
  const kept: SortKey[] = [];
  for (const key of previous) {
    const dir = direction.get(key.field);
    if (dir === undefined) continue;
    kept.push({ field: key.field, direction: dir });
    direction.delete(key.field);
  }
  for (const [field, dir] of direction) kept.push({ field, direction: dir });
  return kept;
}

/** antd's sorter priority for a column: earlier keys weigh more; 0 for a column not sorted on. */
export function sortPriority(sort: readonly SortKey[], field: string): number {
  const index = sort.findIndex((key) => key.field === field);
  return index < 0 ? 0 : sort.length - index;
}

export function sortOrderOf(sort: readonly SortKey[], field: string): "ascend" | "descend" | null {
  const key = sort.find((k) => k.field === field);
  if (!key) return null;
  return key.direction === "asc" ? "ascend" : "descend";
}
