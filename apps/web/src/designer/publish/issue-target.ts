// Which field a definition issue points at, from its JSON pointer, so clicking it selects that field.
import type { FormDefinition } from "@formwork/schema";
import type { Selection } from "../state/designer-context";

export function issueTarget(def: FormDefinition, pointer: string): Selection | undefined {
  const match = /^\/fields\/(\d+)(?:\/fields\/(\d+))?/.exec(pointer);
  if (!match) return undefined;
  const field = def.fields[Number(match[1])];
  if (!field) return undefined;
  if (match[2] === undefined || field.type !== "subform") return { id: field.id };
  const column = field.fields[Number(match[2])];
  return column ? { id: column.id, parent: field.id } : { id: field.id };
}
