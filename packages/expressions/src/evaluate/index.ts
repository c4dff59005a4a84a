import { valueError } from "../functions/errors";
import type { EvalContext } from "../types";
import { compiledIfSeenBefore } from "./compile";
import { interpret } from "./interpret";
import { truthy } from "./truthy";

export { compileLogic } from "./compile";
export type { Compiled } from "./compiled";
export { LogicLimitError, MAX_LOGIC_DEPTH, MAX_LOGIC_NODES } from "./limits";
export { truthy } from "./truthy";

/**
 * Evaluates json-logic (display rules, validations, compiled formulas) against a record. Returns a
 * value or a `FormulaErrorValue`; throws only `LogicLimitError` for logic that is too deep or too large.
 */
export function evaluate(logic: unknown, data: unknown, ctx: EvalContext): unknown {
  if (logic === null || typeof logic !== "object") return logic;
  const compiled = compiledIfSeenBefore(logic);
  try {
    return compiled === undefined ? interpret(logic, data, ctx) : compiled(data, ctx);
  } catch (error) {
    // Host-level failures (e.g. an invalid time zone, a value whose conversion throws) become #VALUE!.
    return valueError(error instanceof Error ? error.message : String(error));
  }
}

/** A rule's outcome with json-logic truthiness; a formula error counts as false. */
export function evaluateRule(logic: unknown, data: unknown, ctx: EvalContext): boolean {
  return truthy(evaluate(logic, data, ctx));
}
