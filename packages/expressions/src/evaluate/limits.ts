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

/** Walks the tree iteratively (no recursion, so hostile input cannot overflow the stack). */
export function checkLimits(logic: unknown): void {
  const stack: [unknown, number][] = [[logic, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (++nodes > MAX_LOGIC_NODES) throw new LogicLimitError("TOO_LARGE", MAX_LOGIC_NODES);
    if (node === null || typeof node !== "object") continue;
    if (depth > MAX_LOGIC_DEPTH) throw new LogicLimitError("TOO_DEEP", MAX_LOGIC_DEPTH);
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) stack.push([child, depth + 1]);
  }
}
