import { nameError } from "../functions/errors";
import { FUNCTIONS } from "../functions/index";
import type { FunctionSpec } from "../types";
import { arityError, callFunction } from "./call-function";
import { type CompileChild, type Compiled, constant, type OperationBuilder } from "./compiled";
import { EXCEL_OPERATIONS } from "./excel-ops";
import { checkLimits } from "./limits";
import { STANDARD_OPERATIONS } from "./standard-ops";

// Logic is compiled once into nested closures and cached by object identity, so evaluating a rule is
// a few direct calls: no key lookups, no argument arrays for operators, no per-call size check.
// Logic objects are treated as immutable once evaluated (definitions are frozen data).

const OPERATIONS = new Map<string, OperationBuilder>([
  ...Object.entries(STANDARD_OPERATIONS),
  ...Object.entries(EXCEL_OPERATIONS),
]);

/** Whether `name` is an operator (json-logic or formula) rather than a function or unknown. */
export const isOperation = (name: string): boolean => OPERATIONS.has(name);

function compileFunction(spec: FunctionSpec, args: unknown[], compile: CompileChild): Compiled {
  const wrongCount = arityError(spec, args.length);
  if (wrongCount !== undefined) return constant(wrongCount);
  const operands = args.map((a) => compile(a));
  const count = operands.length;
  if (spec.lazy) {
    return (data, ctx) => {
      const thunks = new Array<() => unknown>(count);
      for (let i = 0; i < count; i++) {
        const operand = operands[i] as Compiled;
        thunks[i] = () => operand(data, ctx);
      }
      return callFunction(spec, thunks, ctx);
    };
  }
  return (data, ctx) => {
    const values = new Array<unknown>(count);
    for (let i = 0; i < count; i++) values[i] = (operands[i] as Compiled)(data, ctx);
    return callFunction(spec, values, ctx);
  };
}

export function compileNode(node: unknown): Compiled {
  if (Array.isArray(node)) {
    const items = node.map(compileNode);
    return (data, ctx) => {
      const out = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) out[i] = (items[i] as Compiled)(data, ctx);
      return out;
    };
  }
  if (node === null || typeof node !== "object") return constant(node);
  const keys = Object.keys(node);
  // Like json-logic, an object that is not a single-key operation is a literal value.
  if (keys.length !== 1) return constant(node);
  const op = keys[0] as string;
  const raw = (node as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const builder = OPERATIONS.get(op);
  if (builder) return builder(args, compileNode);
  if (Object.hasOwn(FUNCTIONS, op)) return compileFunction(FUNCTIONS[op] as FunctionSpec, args, compileNode);
  return constant(nameError(`unknown operation "${op}"`));
}

/**
 * Compiled logic by object identity, or SEEN_ONCE. Only logic evaluated a second time is compiled and
 * kept: holding the closures of every rule parsed once and dropped (a request's ad-hoc filter, a test)
 * makes the garbage collector trace them, which measured 3× slower than compiling afresh. One weak map
 * serves both purposes so that a first sighting costs a single lookup and a single insertion.
 */
const SEEN_ONCE = 0;
const compiledByLogic = new WeakMap<object, Compiled | typeof SEEN_ONCE>();

/**
 * The compiled form of logic met before, or undefined when it is new: then its size is checked (throws
 * `LogicLimitError` when too deep or too large) and, if `remember`, it is noted so that the next
 * sighting compiles it. The logic object must not be mutated once seen.
 */
export function compiledIfSeenBefore(logic: object, remember: boolean): Compiled | undefined {
  const known = compiledByLogic.get(logic);
  if (known === undefined) {
    checkLimits(logic);
    if (remember) compiledByLogic.set(logic, SEEN_ONCE);
    return undefined;
  }
  if (known !== SEEN_ONCE) return known;
  const compiled = compileNode(logic);
  compiledByLogic.set(logic, compiled);
  return compiled;
}

/**
 * Compiles logic after checking its size (throws `LogicLimitError` when too deep or too large).
 * The result is cached from the second sighting of the same logic object on.
 */
export function compileLogic(logic: unknown): Compiled {
  if (logic === null || typeof logic !== "object") return constant(logic);
  return compiledIfSeenBefore(logic, true) ?? compileNode(logic);
}
