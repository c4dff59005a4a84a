/** Where a formula names `ref` as a whole identifier outside string literals, 1-based; undefined if not found. */
export function findRef(
  formula: string,
  ref: string,
): { line: number; column: number; length: number } | undefined {
  if (ref === "") return undefined;
  const identifier = /[\p{L}\p{N}_.$]/u;
  // Excel escapes a quote inside a string by doubling it, so quote parity still tells inside from outside.
  // Counted incrementally: occurrences are visited left to right, keeping the scan linear.
  let quotes = 0;
  let counted = 0;
  for (let at = formula.indexOf(ref); at !== -1; at = formula.indexOf(ref, at + 1)) {
    for (; counted < at; counted++) if (formula[counted] === '"') quotes++;
    const before = formula[at - 1];
    const after = formula[at + ref.length];
    const bounded =
      (before === undefined || !identifier.test(before)) && (after === undefined || !identifier.test(after));
    if (bounded && quotes % 2 === 0) {
      const lines = formula.slice(0, at).split("\n");
      return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, length: ref.length };
    }
  }
  return undefined;
}
