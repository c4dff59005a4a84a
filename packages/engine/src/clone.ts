/**
 * A deep copy of plain JSON data (the state and the effects' snapshots are JSON by contract). Several
 * times faster than `structuredClone` on the small objects a step copies, which matters at thousands of
 * transitions a second. Properties holding `undefined` are dropped, as JSON would.
 */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneJson(value[i]);
    return out as T;
  }
  // for-in over a plain object, not Object.entries: no [key, value] pair arrays to allocate and collect
  // (2-4x faster on an instance state; the timer bench's profile had the copies at 13-15 % of its CPU).
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    const item = source[key];
    if (item !== undefined) out[key] = cloneJson(item);
  }
  return out as T;
}
