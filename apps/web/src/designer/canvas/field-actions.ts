// Copy and delete, shared by the canvas cards and the keyboard shortcuts.
import type { FormDefinition } from "@formwork/schema";
import type { DefinitionAction } from "../state/definition-history";
import type { Selection } from "../state/designer-context";
import { nextFieldId } from "../state/field-ids";
import { allFieldIds, findField } from "../state/field-tree";

export function duplicateAction(def: FormDefinition, target: Selection): DefinitionAction | undefined {
  const field = findField(def, target.id, target.parent);
  if (!field) return undefined;
  const newId = nextFieldId(field.type, allFieldIds(def));
  return { type: "duplicate", id: target.id, parent: target.parent, newId };
}
