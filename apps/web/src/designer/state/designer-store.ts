// The designer's state as an external store: the undoable definition (the same reducer as before) and
// the selection. Components subscribe with a selector (useSyncExternalStore), so a keystroke in the
// property panel re-renders what reads the edited field and nothing else. A React context holding the
// state instead made every context consumer under the designer (200 canvas cards) a candidate on each
// change: React walked every memoised card's subtree looking for consumers (issue 4's keystroke budget).
import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { useSyncExternalStore } from "react";
import {
  type DefinitionAction,
  type DefinitionHistory,
  definitionReducer,
  initialHistory,
} from "./definition-history";

/** The selected field: its id, and the sub-form it is a column of. */
export interface Selection {
  id: string;
  parent?: string;
}

export interface DesignerSnapshot {
  history: DefinitionHistory;
  selection: Selection | undefined;
}

export interface DesignerStore {
  getState: () => DesignerSnapshot;
  subscribe: (listener: () => void) => () => void;
  dispatch: (action: DefinitionAction) => void;
  select: (selection: Selection | undefined) => void;
  /** The current definition, for handlers (copy, drop) that need it without subscribing to it. */
  definition: () => FormDefinition;
}

export function createDesignerStore(definition: FormDefinition): DesignerStore {
  let state: DesignerSnapshot = { history: initialHistory(definition), selection: undefined };
  const listeners = new Set<() => void>();
  const set = (next: DesignerSnapshot) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (action) => {
      const history = definitionReducer(state.history, action);
      if (history !== state.history) set({ ...state, history });
    },
    select: (selection) => {
      const current = state.selection;
      if (current?.id === selection?.id && current?.parent === selection?.parent) return;
      set({ ...state, selection });
    },
    definition: () => state.history.present,
  };
}

/**
 * A value derived from the store; the component re-renders only when it changes (Object.is). The
 * selector must return something already in the state, or a primitive: a fresh object each call would
 * re-render on every change.
 */
export function useStoreSelector<T>(store: DesignerStore, selector: (state: DesignerSnapshot) => T): T {
  const read = () => selector(store.getState());
  return useSyncExternalStore(store.subscribe, read, read);
}

// Each list's fields by id, built once per list (the reducer replaces a list whenever it changes): 200
// cards each looking up their field on every change is then 200 map reads, not 200 scans of 200.
const indexes = new WeakMap<FieldDefinition[], Map<string, FieldDefinition>>();

function indexOf(fields: FieldDefinition[]): Map<string, FieldDefinition> {
  let index = indexes.get(fields);
  if (!index) {
    index = new Map(fields.map((f) => [f.id, f]));
    indexes.set(fields, index);
  }
  return index;
}

/** A field of the definition by id (a sub-form's column when `parent` is given), through the index. */
export function fieldById(def: FormDefinition, id: string, parent?: string): FieldDefinition | undefined {
  if (parent === undefined) return indexOf(def.fields).get(id);
  const owner = indexOf(def.fields).get(parent);
  return owner?.type === "subform" ? indexOf(owner.fields).get(id) : undefined;
}

/** The ids of a list, joined: a primitive, so the canvas re-renders when the order or the set changes only. */
export function idsKey(fields: FieldDefinition[]): string {
  return fields.map((f) => f.id).join("\n");
}
