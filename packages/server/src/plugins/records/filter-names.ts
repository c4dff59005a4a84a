// The field names a (compiled, hence bounded) json-logic filter reads: `{"var": "name"}` operands.
// The db counts exactly only when all of them are indexed.

export function filterNames(filter: unknown): string[] {
  const names = new Set<string>();
  const stack: unknown[] = [filter];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (node !== null && typeof node === "object") {
      for (const [operator, operand] of Object.entries(node)) {
        if (operator === "var") {
          const name = Array.isArray(operand) ? operand[0] : operand;
          if (typeof name === "string" && !name.startsWith("$user.")) names.add(name);
        } else {
          stack.push(operand);
        }
      }
    }
  }
  return [...names];
}
