import type { FieldWidth } from "@formwork/schema";

/** Columns of the canvas's 12-column grid each width spans. */
export const WIDTH_SPANS: Record<FieldWidth, number> = {
  "1/4": 3,
  "1/3": 4,
  "1/2": 6,
  "2/3": 8,
  "3/4": 9,
  full: 12,
};

export function spanOf(width: FieldWidth | undefined): number {
  return WIDTH_SPANS[width ?? "full"];
}
