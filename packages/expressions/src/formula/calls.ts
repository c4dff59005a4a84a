import type { FunctionSpec } from "../types";
import type { FormulaNode } from "./ast";
import type { DiagnosticList } from "./position";

/** What the parser needs to know about functions: which exist and how many arguments they take. */
export type FunctionTable = Record<string, Pick<FunctionSpec, "minArgs" | "maxArgs">>;

/** Own-property lookup, so "CONSTRUCTOR", "TOSTRING" or "__PROTO__" never find Object.prototype. */
export function lookupFunction<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

export function arityMessage(
  name: string,
  spec: Pick<FunctionSpec, "minArgs" | "maxArgs">,
  got: number,
): string {
  const { minArgs, maxArgs } = spec;
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  const expected =
    minArgs === maxArgs
      ? `exactly ${plural(minArgs)}`
      : maxArgs === Number.POSITIVE_INFINITY
        ? `at least ${plural(minArgs)}`
        : `${minArgs} to ${maxArgs} arguments`;
  return `${name} takes ${expected}, got ${got}`;
}

/** Reports every unknown function (at its name) and every call with the wrong number of arguments. */
export function checkCalls(node: FormulaNode, functions: FunctionTable, diagnostics: DiagnosticList): void {
  switch (node.kind) {
    case "call": {
      const spec = lookupFunction(functions, node.name);
      if (!spec)
        diagnostics.add("UNKNOWN_FUNCTION", `unknown function ${node.name}`, node.nameSpan, {
          key: "unknownFunction",
          params: { name: node.name },
        });
      else if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
        diagnostics.add("ARITY", arityMessage(node.name, spec, node.args.length), node.nameSpan, {
          key:
            spec.minArgs === spec.maxArgs
              ? "arityExactly"
              : spec.maxArgs === Number.POSITIVE_INFINITY
                ? "arityAtLeast"
                : "arityBetween",
          params: { name: node.name, min: spec.minArgs, max: spec.maxArgs, got: node.args.length },
        });
      }
      for (const arg of node.args) checkCalls(arg, functions, diagnostics);
      return;
    }
    case "unary":
    case "percent":
      checkCalls(node.operand, functions, diagnostics);
      return;
    case "binary":
      checkCalls(node.left, functions, diagnostics);
      checkCalls(node.right, functions, diagnostics);
      return;
    default:
      return;
  }
}
