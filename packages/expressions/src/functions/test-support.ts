import { evaluate } from "../evaluate";
import { parseFormula } from "../formula";
import { type EvalContext, FormulaErrorValue } from "../types";
import { EXAMPLE_CONTEXT, EXAMPLE_RECORD } from "./examples";

// Shared by the function tests: evaluate formula text or a direct call against the example record.

export function formula(
  text: string,
  data: unknown = EXAMPLE_RECORD,
  ctx: EvalContext = EXAMPLE_CONTEXT,
): unknown {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  return evaluate(parsed.logic, data, ctx);
}

export function call(name: string, ...args: unknown[]): unknown {
  return evaluate({ [name]: args }, EXAMPLE_RECORD, EXAMPLE_CONTEXT);
}

/** The error code of a result, or undefined when it is not an error. */
export function errorCode(value: unknown): string | undefined {
  return value instanceof FormulaErrorValue ? value.code : undefined;
}
