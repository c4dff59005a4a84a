// Ids and data of the designer's draggables and drop targets (one DndContext for palette and canvas).
import type { FieldType } from "@formwork/schema";

export const CANVAS_DROP_ID = "canvas";

export type DragData =
  | { source: "palette"; type: FieldType }
  | { source: "field"; id: string; parent?: string }
  | { source: "subform-zone"; subform: string };

/** Sortable id of a field: sub-form columns are prefixed so ids stay unique across lists. */
export function sortableId(id: string, parent?: string): string {
  return parent === undefined ? id : `${parent}/${id}`;
}

export function subformZoneId(subform: string): string {
  return `subform:${subform}`;
}
