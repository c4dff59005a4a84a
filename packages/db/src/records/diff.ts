import type { FieldDiff } from "../tables";

/** Canonical JSON (sorted keys) so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Field-level diff of the keys in `keys`: only fields whose value changed. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  keys: Iterable<string>,
): FieldDiff {
  const diff: FieldDiff = {};
  for (const key of keys) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (canonical(from) !== canonical(to)) diff[key] = { from, to };
  }
  return diff;
}
