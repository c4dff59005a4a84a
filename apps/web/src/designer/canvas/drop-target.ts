// Where a drop lands: which list (form or sub-form) and at which index.
import type { FormDefinition } from "@formwork/schema";
import { fieldsAt } from "../state/field-tree";
import type { DragData } from "./drag-ids";

export interface DropTarget {
  parent?: string;
  index: number;
}

export function dropTarget(def: FormDefinition, over: DragData | undefined): DropTarget {
  if (over?.source === "field") {
    const index = fieldsAt(def, over.parent).findIndex((f) => f.id === over.id);
    return { parent: over.parent, index: index < 0 ? fieldsAt(def, over.parent).length : index };
  }
  if (over?.source === "subform-zone")
    return { parent: over.subform, index: fieldsAt(def, over.subform).length };
  return { index: def.fields.length };
}
