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

/**
 * The designer's actions, stable for the designer's life. Canvas cards read these instead of the
 * whole state, so typing a label re-renders the one card it changes, not all of them (issue 4's
 * keystroke budget on a 200-field form).
 */
export interface DesignerActions {
  dispatch: (action: DefinitionAction) => void;
  select: (selection: Selection | undefined) => void;
  /** The definition as of the latest render, for handlers (copy) that need it. */
  definition: () => FormDefinition;
}

export const DesignerActionsContext = createContext<DesignerActions | null>(null);

export function useDesignerActions(): DesignerActions {
  const actions = useContext(DesignerActionsContext);
  if (!actions) throw new Error("useDesignerActions is used outside the designer");
  return actions;
}
