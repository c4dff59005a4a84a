// Walks a parsed JSON value (iteratively, so depth cannot overflow the stack) for what no handler should
// ever see: prototype-pollution keys, NUL characters and absurd nesting.
import { pointerSegment } from "@formwork/schema";

export const MAX_JSON_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor"]);

export interface UnsafeJsonProblem {
  path: string;
  message: string;
}

export function findUnsafeJson(root: unknown): UnsafeJsonProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { path, message: "NUL characters are not allowed in strings" };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return { path, message: `nesting deeper than ${MAX_JSON_DEPTH} levels` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], path: `${path}/${i}`, depth: depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      const childPath = `${path}/${pointerSegment(key)}`;
      if (FORBIDDEN_KEYS.has(key)) return { path: childPath, message: `the key "${key}" is not allowed` };
      if (key.includes("\u0000"))
        return { path: childPath, message: "NUL characters are not allowed in keys" };
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
