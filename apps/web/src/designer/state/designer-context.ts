// How the panes reach the designer's store: one context whose value (the store) never changes, so
// providing it costs no re-render; each pane subscribes to the part it shows (designer-store.ts).
import type { FormDefinition } from "@formwork/schema";
import { createContext, useContext } from "react";
import type { DefinitionAction } from "./definition-history";
import {
  type DesignerSnapshot,
  type DesignerStore,
  type Selection,
  useStoreSelector,
} from "./designer-store";

export type { Selection } from "./designer-store";

export const DesignerStoreContext = createContext<DesignerStore | null>(null);

/** The store itself: its actions (dispatch, select, definition) are stable for the designer's life. */
export function useDesignerActions(): DesignerStore {
  const store = useContext(DesignerStoreContext);
  if (!store) throw new Error("the designer's store is used outside the designer");
  return store;
}

/** A part of the designer's state; the component re-renders when that part changes, not otherwise. */
export function useDesignerSelector<T>(selector: (state: DesignerSnapshot) => T): T {
  return useStoreSelector(useDesignerActions(), selector);
}

export interface DesignerState {
  definition: FormDefinition;
  dispatch: (action: DefinitionAction) => void;
  selection: Selection | undefined;
  select: (selection: Selection | undefined) => void;
}

const presentOf = (state: DesignerSnapshot) => state.history.present;
const selectionOf = (state: DesignerSnapshot) => state.selection;

/**
 * The whole definition and the selection, for panes that show all of it (settings, preview, publish,
 * flow): they re-render on every change, so the canvas cards and the property panel use selectors.
 */
export function useDesigner(): DesignerState {
  const store = useDesignerActions();
  const definition = useStoreSelector(store, presentOf);
  const selection = useStoreSelector(store, selectionOf);
  return { definition, selection, dispatch: store.dispatch, select: store.select };
}
