import type { FunctionSpec } from "../types";
import { AGGREGATE_FUNCTIONS } from "./aggregate";
import { DATE_FUNCTIONS } from "./date";
import { byName } from "./define";
import { LOGIC_FUNCTIONS } from "./logic";
import { MATH_FUNCTIONS } from "./math";
import { TEXT_FUNCTIONS } from "./text";

/** Every formula function by its upper-case name. The parser, type checker and evaluator all read this. */
export const FUNCTIONS: Record<string, FunctionSpec> = byName(
  LOGIC_FUNCTIONS,
  TEXT_FUNCTIONS,
  MATH_FUNCTIONS,
  DATE_FUNCTIONS,
  AGGREGATE_FUNCTIONS,
);

export { flatten, isBlank, toBoolean, toNumber, toText } from "./coerce";
export { isError } from "./errors";
