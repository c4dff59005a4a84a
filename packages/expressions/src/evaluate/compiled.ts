import type { EvalContext } from "../types";

/** A logic tree compiled to a closure: `data` is the record (or the current item inside map/filter/...). */
export type Compiled = (data: unknown, ctx: EvalContext) => unknown;

/** Compiles a child node; supplied by the compiler so operation builders need not import it. */
export type CompileChild = (node: unknown) => Compiled;

/** Builds the closure of one operation from its raw (uncompiled) arguments. */
export type OperationBuilder = (args: unknown[], compile: CompileChild) => Compiled;

export const constant =
  (value: unknown): Compiled =>
  () =>
    value;
