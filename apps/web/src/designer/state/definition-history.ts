// The designer's document state: the definition under an immutable undo/redo history. A plain reducer
// (no store library): the state is one JSON value and every action returns a new one.
import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { fieldsAt, findField, withFieldsAt } from "./field-tree";

export const HISTORY_LIMIT = 100;

export type FieldPatch = { [key: string]: unknown };

export type DefinitionAction =
  | { type: "load"; definition: FormDefinition }
  | { type: "add"; field: FieldDefinition; parent?: string; index?: number }
  | { type: "move"; parent?: string; from: number; to: number }
  /** Keys whose value is `undefined` are removed. Same `coalesce` twice in a row = one undo step (typing). */
  | { type: "update"; id: string; parent?: string; patch: FieldPatch; coalesce?: string }
  | { type: "remove"; id: string; parent?: string }
  | { type: "duplicate"; id: string; parent?: string; newId: string }
  | { type: "updateForm"; patch: Partial<FormDefinition>; coalesce?: string }
  | { type: "undo" }
  | { type: "redo" };

export interface DefinitionHistory {
  past: FormDefinition[];
  present: FormDefinition;
  future: FormDefinition[];
  /** The coalesce key of the last change, so consecutive keystrokes in one input merge. */
  lastCoalesce?: string;
}

export function initialHistory(definition: FormDefinition): DefinitionHistory {
  return { past: [], present: definition, future: [] };
}

function applyPatch<T extends object>(target: T, patch: FieldPatch): T {
  const next = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

function clamp(index: number, length: number): number {
  return Math.max(0, Math.min(index, length));
}

/** The definition after one editing action; the same object when the action changes nothing. */
export function applyEdit(def: FormDefinition, action: DefinitionAction): FormDefinition {
  switch (action.type) {
    case "add": {
      const list = fieldsAt(def, action.parent);
      if (action.parent !== undefined && !findField(def, action.parent)) return def;
      const at = clamp(action.index ?? list.length, list.length);
      return withFieldsAt(def, action.parent, [...list.slice(0, at), action.field, ...list.slice(at)]);
    }
    case "move": {
      const list = [...fieldsAt(def, action.parent)];
      const { from, to } = action;
      if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return def;
      const [moved] = list.splice(from, 1);
      if (!moved) return def;
      list.splice(to, 0, moved);
      return withFieldsAt(def, action.parent, list);
    }
    case "update": {
      const list = fieldsAt(def, action.parent);
      if (!list.some((f) => f.id === action.id)) return def;
      return withFieldsAt(
        def,
        action.parent,
        list.map((f) => (f.id === action.id ? applyPatch(f, action.patch) : f)),
      );
    }
    case "remove": {
      const list = fieldsAt(def, action.parent);
      const next = list.filter((f) => f.id !== action.id);
      return next.length === list.length ? def : withFieldsAt(def, action.parent, next);
    }
    case "duplicate": {
      const list = fieldsAt(def, action.parent);
      const at = list.findIndex((f) => f.id === action.id);
      const original = list[at];
      if (!original) return def;
      const copy = { ...structuredClone(original), id: action.newId } as FieldDefinition;
      return withFieldsAt(def, action.parent, [...list.slice(0, at + 1), copy, ...list.slice(at + 1)]);
    }
    case "updateForm":
      return applyPatch(def, action.patch as FieldPatch);
    default:
      return def;
  }
}

export function definitionReducer(state: DefinitionHistory, action: DefinitionAction): DefinitionHistory {
  switch (action.type) {
    case "load":
      return initialHistory(action.definition);
    case "undo": {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future] };
    }
    case "redo": {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future: rest };
    }
    default: {
      const present = applyEdit(state.present, action);
      if (present === state.present) return state;
      const coalesce = "coalesce" in action ? action.coalesce : undefined;
      if (coalesce !== undefined && coalesce === state.lastCoalesce) {
        return { ...state, present, future: [] };
      }
      return {
        past: [...state.past, state.present].slice(-HISTORY_LIMIT),
        present,
        future: [],
        lastCoalesce: coalesce,
      };
    }
  }
}
