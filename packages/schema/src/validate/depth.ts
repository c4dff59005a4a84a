/**
 * The pointer of the first place nested deeper than `limit`, or undefined. Iterative, so hostile depth
 * (10,000 nested arrays) costs a loop, never a stack overflow in a recursive validator further on.
 */
export function findTooDeep(value: unknown, limit: number): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: "" }];
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth >= limit) return path;
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [String(index), item])
      : Object.entries(current);
    for (const [key, child] of entries) {
      stack.push({
        value: child,
        depth: depth + 1,
        path: `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
      });
    }
  }
  return undefined;
}
