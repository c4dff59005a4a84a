// Size bounds checked before compiling, without recursion, so a hostile filter (100,000 nested arrays,
// a million operators) is refused cheaply and the recursive compiler only ever sees shallow trees.
import { childPointer } from "./json-pointer";
import type { FilterError } from "./types";

/** Nested operators (JSON objects) allowed on one path. */
export const MAX_FILTER_DEPTH = 32;
/** Operators (JSON objects) allowed in one filter. */
export const MAX_FILTER_NODES = 500;
/** JSON values of any kind, list items included (an `in` list of 5,000 ids is fine). */
export const MAX_FILTER_VALUES = 10_000;
/** Arrays inside arrays: a filter needs two levels (argument list, value list). */
const MAX_ARRAY_NESTING = 2;

interface Pending {
  value: unknown;
  path: string;
  depth: number;
  arrays: number;
}

export function checkFilterLimits(filter: unknown): FilterError | null {
  const stack: Pending[] = [{ value: filter, path: "", depth: 0, arrays: 0 }];
  let nodes = 0;
  let values = 0;
  while (stack.length > 0) {
    const { value, path, depth, arrays } = stack.pop()!;
    if (++values > MAX_FILTER_VALUES) {
      return { code: "TOO_COMPLEX", path, message: `a filter may hold at most ${MAX_FILTER_VALUES} values` };
    }
    if (Array.isArray(value)) {
      if (arrays + 1 > MAX_ARRAY_NESTING) {
        return { code: "INVALID_FILTER", path, message: "lists cannot be nested in lists" };
      }
      if (values + value.length > MAX_FILTER_VALUES) {
        return {
          code: "TOO_COMPLEX",
          path,
          message: `a filter may hold at most ${MAX_FILTER_VALUES} values`,
        };
      }
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], path: childPointer(path, i), depth, arrays: arrays + 1 });
      }
    } else if (value !== null && typeof value === "object") {
      if (depth + 1 > MAX_FILTER_DEPTH) {
        return { code: "TOO_COMPLEX", path, message: `operators may nest at most ${MAX_FILTER_DEPTH} deep` };
      }
      if (++nodes > MAX_FILTER_NODES) {
        return {
          code: "TOO_COMPLEX",
          path,
          message: `a filter may hold at most ${MAX_FILTER_NODES} operators`,
        };
      }
      const keys = Object.keys(value);
      if (values + keys.length > MAX_FILTER_VALUES) {
        return {
          code: "TOO_COMPLEX",
          path,
          message: `a filter may hold at most ${MAX_FILTER_VALUES} values`,
        };
      }
      for (const key of keys) {
        stack.push({
          value: (value as Record<string, unknown>)[key],
          path: childPointer(path, key),
          depth: depth + 1,
          arrays: 0,
        });
      }
    }
  }
  return null;
}
