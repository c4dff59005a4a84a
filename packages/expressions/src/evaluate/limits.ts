/** Logic larger than this is rejected before evaluation: nesting levels of arrays and objects. */
export const MAX_LOGIC_DEPTH = 64;
/** Logic larger than this is rejected before evaluation: values of every kind in the tree. */
export const MAX_LOGIC_NODES = 10_000;

/**
 * The one error `evaluate` throws: the logic itself is too deep or too large to run. Every other
 * problem (unknown operation, wrong types, division by zero) is a `FormulaErrorValue` result.
 */
export class LogicLimitError extends Error {
  constructor(
    readonly code: "TOO_DEEP" | "TOO_LARGE",
    readonly limit: number,
  ) {
    super(
      code === "TOO_DEEP"
        ? `Logic is nested deeper than ${limit} levels`
        : `Logic has more than ${limit} nodes`,
    );
    this.name = "LogicLimitError";
  }
}

/** Counts and measures the tree. Recursion stops at MAX_LOGIC_DEPTH, so hostile input cannot overflow the stack. */
export function checkLimits(logic: unknown): void {
  countNodes(logic, 1, 0);
}

/** `seen` plus the nodes of the tree at `node`; a count threaded through rather than an object: it runs on every first sighting. */
function countNodes(node: unknown, depth: number, seen: number): number {
  let nodes = seen + 1;
  if (nodes > MAX_LOGIC_NODES) throw new LogicLimitError("TOO_LARGE", MAX_LOGIC_NODES);
  if (node === null || typeof node !== "object") return nodes;
  if (depth > MAX_LOGIC_DEPTH) throw new LogicLimitError("TOO_DEEP", MAX_LOGIC_DEPTH);
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) nodes = countNodes(node[i], depth + 1, nodes);
    return nodes;
  }
  const keys = Object.keys(node);
  for (let i = 0; i < keys.length; i++) {
    nodes = countNodes((node as Record<string, unknown>)[keys[i] as string], depth + 1, nodes);
  }
  return nodes;
}
