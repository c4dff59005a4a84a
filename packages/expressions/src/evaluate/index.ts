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
 * New logic is interpreted; one sighting in REMEMBER_ONE_IN is remembered, and remembered logic is
 * compiled and cached when met again. Remembering every one-off rule (a freshly parsed filter, a
 * request's ad-hoc logic) filled the weak map with dead keys the garbage collector must sweep, which
 * measured as a third of a one-off evaluation. Logic that is reused is remembered after a few runs on
 * average; until then it is interpreted, which gives the same results (pinned by a property test).
 */
const REMEMBER_ONE_IN = 8;

/**
 * Evaluates json-logic (display rules, validations, compiled formulas) against a record. Returns a
 * value or a `FormulaErrorValue`; throws only `LogicLimitError` for logic that is too deep or too large.
 */
export function evaluate(logic: unknown, data: unknown, ctx: EvalContext): unknown {
  if (logic === null || typeof logic !== "object") return logic;
  const compiled = compiledIfSeenBefore(logic, Math.random() * REMEMBER_ONE_IN < 1);
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
