/**
 * A deep copy of plain JSON data (the state and the effects' snapshots are JSON by contract). Several
 * times faster than `structuredClone` on the small objects a step copies, which matters at thousands of
 * transitions a second. Properties holding `undefined` are dropped, as JSON would.
 */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = cloneJson(item);
  return out as T;
}
