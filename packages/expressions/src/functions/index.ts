import type { FunctionSpec } from "../types";
import { byName } from "./define";
import { LOGIC_FUNCTIONS } from "./logic";

/** Every formula function by its upper-case name. The parser, type checker and evaluator all read this. */
export const FUNCTIONS: Record<string, FunctionSpec> = byName(LOGIC_FUNCTIONS);

export { flatten, isBlank, toBoolean, toNumber, toText } from "./coerce";
export { isError } from "./errors";
