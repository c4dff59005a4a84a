import type { FieldWidth } from "@formwork/schema";

/** Columns of the 12-column grid a field width takes (full width on phones, where every field stacks). */
export const WIDTH_COLUMNS: Record<FieldWidth, number> = {
  "1/4": 3,
  "1/3": 4,
  "1/2": 6,
  "2/3": 8,
  "3/4": 9,
  full: 12,
};

/** The antd grid span (24 columns) of a field on screens from tablets up. */
export function spanOf(width: FieldWidth | undefined): number {
  return WIDTH_COLUMNS[width ?? "full"] * 2;
}
