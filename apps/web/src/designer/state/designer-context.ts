// What every pane of the designer reads and changes: the definition, its history and the selection.
import type { FormDefinition } from "@formwork/schema";
import { createContext, useContext } from "react";
import type { DefinitionAction } from "./definition-history";

/** The selected field: its id, and the sub-form it is a column of. */
export interface Selection {
  id: string;
  parent?: string;
}

export interface DesignerState {
  definition: FormDefinition;
  dispatch: (action: DefinitionAction) => void;
  selection: Selection | undefined;
  select: (selection: Selection | undefined) => void;
}

export const DesignerContext = createContext<DesignerState | null>(null);

export function useDesigner(): DesignerState {
  const state = useContext(DesignerContext);
  if (!state) throw new Error("useDesigner is used outside the designer");
  return state;
}
