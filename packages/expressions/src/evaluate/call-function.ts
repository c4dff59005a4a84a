import { valueError } from "../functions/errors";
import { type EvalContext, FormulaErrorValue, type FunctionSpec } from "../types";

/** The #VALUE! a call with the wrong number of arguments yields, or undefined when the count fits. */
export function arityError(spec: FunctionSpec, count: number): FormulaErrorValue | undefined {
  if (count >= spec.minArgs && count <= spec.maxArgs) return undefined;
  return valueError(`${spec.name} takes ${spec.minArgs}–${spec.maxArgs} arguments, got ${count}`);
}

/** Runs a function on evaluated (or, for lazy functions, thunked) arguments; never throws. */
export function callFunction(spec: FunctionSpec, args: unknown[], ctx: EvalContext): unknown {
  try {
    const result = spec.impl(args, ctx);
    if (result === undefined) return null;
    if (typeof result === "number" && !Number.isFinite(result)) return new FormulaErrorValue("#NUM!");
    return result;
  } catch (error) {
    // A function meeting input it was not written for yields #VALUE!, never an exception.
    return valueError(error instanceof Error ? error.message : String(error));
  }
}
