import type { EvalContext } from "../types";

/** A logic tree compiled to a closure: `data` is the record (or the current item inside map/filter/...). */
export type Compiled = (data: unknown, ctx: EvalContext) => unknown;

/** Compiles a child node; supplied by the compiler so operation builders need not import it. */
export type CompileChild = (node: unknown) => Compiled;

/** Builds the closure of one operation from its raw (uncompiled) arguments. */
export type OperationBuilder = (args: unknown[], compile: CompileChild) => Compiled;

const returnUndefined: Compiled = () => undefined;
const returnNull: Compiled = () => null;

/** A closure returning `value`; the common absent-argument cases share one closure. */
export function constant(value: unknown): Compiled {
  if (value === undefined) return returnUndefined;
  if (value === null) return returnNull;
  return () => value;
}
