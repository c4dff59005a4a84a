import { nameError } from "../functions/errors";
import { FUNCTIONS } from "../functions/index";
import type { EvalContext, FunctionSpec } from "../types";
import { add, divide, multiply, negate, subtract } from "./arithmetic";
import { arityError, callFunction } from "./call-function";
import { compileNode, isOperation } from "./compile";
import { COMPARISONS, type Comparison, zone } from "./excel-ops";
import { NOT_FOUND, pathSegments, resolvePath, resolveVar } from "./resolve-var";
import { contains } from "./standard-ops";
import { truthy } from "./truthy";

// Logic seen for the first time is walked directly instead of compiled: building closures costs more
// than one run, and most one-off logic (a request's filter, a freshly parsed rule) runs once. The
// operators rules are made of run here on the same primitives as their compiled forms; the rarer ones
// (map, reduce, merge, missing, ...) compile their own subtree and run that. The caller has already
// checked the size limits, which bound the recursion depth.

/** Evaluates `node` against `data`; may throw host errors, which `evaluate` turns into #VALUE!. */
export function interpret(node: unknown, data: unknown, ctx: EvalContext): unknown {
  if (node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) {
    const out = new Array<unknown>(node.length);
    for (let i = 0; i < node.length; i++) out[i] = interpret(node[i], data, ctx);
    return out;
  }
  const op = singleKey(node);
  // Like json-logic, an object that is not a single-key operation is a literal value.
  if (op === undefined) return node;
  const raw = (node as Record<string, unknown>)[op];
  if (op === "var") return interpretVar(raw, data, ctx);
  const args = Array.isArray(raw) ? raw : [raw];
  switch (op) {
    case "<":
    case "<=":
    case ">":
    case ">=":
    case "=":
    case "<>":
      return interpretComparison(COMPARISONS[op] as Comparison, args, data, ctx);
    case "and":
    case "or": {
      const stopWhen = op === "or";
      let current: unknown;
      for (let i = 0; i < args.length; i++) {
        current = interpret(args[i], data, ctx);
        if (truthy(current) === stopWhen) return current;
      }
      return current;
    }
    case "if":
    case "?:": {
      let i = 0;
      for (; i < args.length - 1; i += 2) {
        if (truthy(interpret(args[i], data, ctx))) return interpret(args[i + 1], data, ctx);
      }
      return i === args.length - 1 ? interpret(args[i], data, ctx) : null;
    }
    case "!":
      return !truthy(interpret(args[0], data, ctx));
    case "!!":
      return truthy(interpret(args[0], data, ctx));
    case "==":
      // biome-ignore lint/suspicious/noDoubleEquals: json-logic's == is JavaScript's loose equality.
      return interpret(args[0], data, ctx) == interpret(args[1], data, ctx);
    case "!=":
      // biome-ignore lint/suspicious/noDoubleEquals: json-logic's != is JavaScript's loose inequality.
      return interpret(args[0], data, ctx) != interpret(args[1], data, ctx);
    case "===":
      return interpret(args[0], data, ctx) === interpret(args[1], data, ctx);
    case "!==":
      return interpret(args[0], data, ctx) !== interpret(args[1], data, ctx);
    case "in":
      return contains(interpret(args[0], data, ctx), interpret(args[1], data, ctx));
    case "/":
      return divide(interpret(args[0], data, ctx), interpret(args[1], data, ctx));
  }
  if (args.length === 2) {
    if (op === "+") return add(interpret(args[0], data, ctx), interpret(args[1], data, ctx), zone(ctx));
    if (op === "*") return multiply(interpret(args[0], data, ctx), interpret(args[1], data, ctx));
    if (op === "-") return subtract(interpret(args[0], data, ctx), interpret(args[1], data, ctx), zone(ctx));
  }
  if (op === "-" && args.length === 1) return negate(interpret(args[0], data, ctx));
  if (isOperation(op)) return compileNode(node)(data, ctx);
  if (Object.hasOwn(FUNCTIONS, op)) return interpretCall(FUNCTIONS[op] as FunctionSpec, args, data, ctx);
  return nameError(`unknown operation "${op}"`);
}

/** The one own enumerable key of `node`, as `Object.keys` would find it, without allocating an array. */
function singleKey(node: object): string | undefined {
  let found: string | undefined;
  for (const key in node) {
    if (found !== undefined) {
      const keys = Object.keys(node);
      return keys.length === 1 ? keys[0] : undefined;
    }
    found = key;
  }
  return found !== undefined && Object.hasOwn(node, found) ? found : undefined;
}

function interpretComparison(comparison: Comparison, args: unknown[], data: unknown, ctx: EvalContext) {
  const { compare } = comparison;
  if (!comparison.between || args.length < 3) {
    return compare(interpret(args[0], data, ctx), interpret(args[1], data, ctx), ctx);
  }
  const middle = interpret(args[1], data, ctx);
  const first = compare(interpret(args[0], data, ctx), middle, ctx);
  return first !== true ? first : compare(middle, interpret(args[2], data, ctx), ctx);
}

/** `var` with the safe resolver, as its compiled form: a primitive path ignores a computed fallback until needed. */
function interpretVar(raw: unknown, data: unknown, ctx: EvalContext): unknown {
  const path = Array.isArray(raw) ? raw[0] : raw;
  const fallback = Array.isArray(raw) ? raw[1] : undefined;
  if (path !== null && typeof path === "object") {
    return resolveVar(data, interpret(path, data, ctx), interpret(fallback, data, ctx));
  }
  const segments = pathSegments(path);
  if (segments === undefined) return data;
  const value = resolvePath(data, segments);
  return value !== NOT_FOUND ? value : (interpret(fallback, data, ctx) ?? null);
}

function interpretCall(spec: FunctionSpec, args: unknown[], data: unknown, ctx: EvalContext): unknown {
  const wrongCount = arityError(spec, args.length);
  if (wrongCount !== undefined) return wrongCount;
  const values = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    values[i] = spec.lazy ? () => interpret(arg, data, ctx) : interpret(arg, data, ctx);
  }
  return callFunction(spec, values, ctx);
}
