// The `var` resolver: own properties only, so `__proto__`, `constructor` or `toString` can never reach
// the prototype chain; a dotted path through a sub-form (an array of rows) yields that column.

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
const INDEX = /^(?:0|[1-9]\d*)$/;

/** Not found: the caller substitutes the default. Distinct from a found `null`. */
export const NOT_FOUND: unique symbol = Symbol("not found");

function own(container: unknown, key: string): unknown {
  if (container === null || container === undefined || FORBIDDEN.has(key)) return NOT_FOUND;
  if (typeof container !== "object" && typeof container !== "string") return NOT_FOUND;
  if (!Object.hasOwn(typeof container === "string" ? Object(container) : container, key)) return NOT_FOUND;
  const value = (container as Record<string, unknown>)[key];
  return value === undefined ? NOT_FOUND : value;
}

/** Follows `segments` from `data`; an array met with a non-index segment projects over its rows. */
export function resolvePath(data: unknown, segments: readonly string[], from = 0): unknown {
  let current = data;
  for (let i = from; i < segments.length; i++) {
    const key = segments[i] as string;
    if (Array.isArray(current) && !INDEX.test(key)) {
      const column: unknown[] = new Array(current.length);
      for (let row = 0; row < current.length; row++) {
        const cell = resolvePath(current[row], segments, i);
        column[row] = cell === NOT_FOUND ? null : cell;
      }
      return column;
    }
    current = own(current, key);
    if (current === NOT_FOUND) return NOT_FOUND;
  }
  return current;
}

/** Splits a `var` argument into path segments (json-logic accepts numbers and dotted strings). */
export function pathSegments(path: unknown): string[] | undefined {
  if (path === undefined || path === null || path === "") return undefined;
  const text = String(path);
  return text.includes(".") ? text.split(".") : [text];
}

/** json-logic `var` semantics with the safe resolver: empty path is the data itself. */
export function resolveVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const segments = pathSegments(path);
  if (segments === undefined) return data;
  const value = resolvePath(data, segments);
  return value === NOT_FOUND ? (fallback === undefined ? null : fallback) : value;
}
