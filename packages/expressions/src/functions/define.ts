import type { EvalContext, FunctionSpec } from "../types";
import { firstError } from "./errors";

type Impl = FunctionSpec["impl"];

/**
 * Wraps an implementation so that an error among its arguments is returned unchanged, as Excel
 * propagates #DIV/0!, #VALUE!, ... through ordinary functions.
 */
export function propagatingErrors(impl: Impl): Impl {
  return (args: unknown[], ctx: EvalContext) => firstError(args) ?? impl(args, ctx);
}

/** A lazy argument: functions marked `lazy` receive these instead of values. */
export type Thunk = () => unknown;

export function force(arg: unknown): unknown {
  return typeof arg === "function" ? (arg as Thunk)() : arg;
}

/** Builds a name → spec table, refusing duplicates so a category file cannot silently shadow another. */
export function byName(...groups: FunctionSpec[][]): Record<string, FunctionSpec> {
  const table: Record<string, FunctionSpec> = Object.create(null);
  for (const spec of groups.flat()) {
    if (Object.hasOwn(table, spec.name)) throw new Error(`Duplicate formula function ${spec.name}`);
    table[spec.name] = spec;
  }
  return table;
}

/** Spec builder for one category file, so each entry states only what is particular to it. */
export function inCategory(category: FunctionSpec["category"]) {
  return (spec: Omit<FunctionSpec, "category">): FunctionSpec => ({ ...spec, category });
}

export const VARIADIC = Number.POSITIVE_INFINITY;
