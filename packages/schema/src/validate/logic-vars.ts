import { pointerSegment } from "../errors";
import type { FieldIndex } from "./field-index";
import { resolveName, type Scope } from "./refs";
import { prop } from "./tolerant";

export interface VarUse {
  name: string;
  /** JSON pointer of the string naming the variable. */
  path: string;
  scope: Scope;
}

/** Operators whose later arguments run once per element of the first, with the element as data. */
const ITERATING = new Set(["map", "filter", "all", "some", "none", "reduce"]);

function elementScope(operator: string, source: unknown, index: FieldIndex, scope: Scope): Scope {
  const name = prop(source, "var");
  if (typeof name === "string") {
    const resolved = resolveName(name, index, scope);
    if (resolved.kind === "subform") {
      return {
        kind: "row",
        subform: resolved.field,
        ...(operator === "reduce" ? { within: "reduce" as const } : {}),
      };
    }
  }
  // Iterating something other than a whole sub-form: the element's shape is unknown here.
  return { kind: "other" };
}

function walk(rule: unknown, path: string, scope: Scope, index: FieldIndex, out: VarUse[]): void {
  if (Array.isArray(rule)) {
    rule.forEach((item, i) => {
      walk(item, `${path}/${i}`, scope, index, out);
    });
    return;
  }
  if (typeof rule !== "object" || rule === null) return;
  const object = rule as Record<string, unknown>;
  for (const [operator, args] of Object.entries(object)) {
    const at = `${path}/${pointerSegment(operator)}`;
    if (operator === "var") {
      if (typeof args === "string") out.push({ name: args, path: at, scope });
      else if (Array.isArray(args) && typeof args[0] === "string") {
        out.push({ name: args[0], path: `${at}/0`, scope });
      } else walk(args, at, scope, index, out);
    } else if (operator === "missing") {
      const names = Array.isArray(args) ? args : [args];
      names.forEach((name, i) => {
        const namePath = Array.isArray(args) ? `${at}/${i}` : at;
        if (typeof name === "string") out.push({ name, path: namePath, scope });
        else walk(name, namePath, scope, index, out);
      });
    } else if (operator === "missing_some" && Array.isArray(args) && Array.isArray(args[1])) {
      args[1].forEach((name, i) => {
        if (typeof name === "string") out.push({ name, path: `${at}/1/${i}`, scope });
      });
    } else if (ITERATING.has(operator) && Array.isArray(args) && args.length > 0) {
      walk(args[0], `${at}/0`, scope, index, out);
      const inner = elementScope(operator, args[0], index, scope);
      args.slice(1).forEach((arg, i) => {
        walk(arg, `${at}/${i + 1}`, i === 0 ? inner : scope, index, out);
      });
    } else walk(args, at, scope, index, out);
  }
}

/** Every variable a json-logic rule reads, with where it is named and in which scope. */
export function logicVars(rule: unknown, path: string, scope: Scope, index: FieldIndex): VarUse[] {
  const out: VarUse[] = [];
  walk(rule, path, scope, index, out);
  return out;
}
