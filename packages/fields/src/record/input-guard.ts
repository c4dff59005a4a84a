// The first look at untrusted record data, before any field code touches it: keys that could reach
// Object.prototype, NUL bytes, oversized lists and absurd nesting are refused with a pointer to them.
// The walk is iterative and stops early, so hostile input costs bounded time.
import { type Locale, pointerSegment } from "@formwork/schema";
import { message } from "../shared/messages";
import { type RecordError, recordError } from "./errors";

/** No field value is a list longer than this (sub-form rows are capped at the same number). */
export const MAX_LIST_ITEMS = 1000;
/** Data → sub-form rows → row → files → file: real values nest about five levels. */
export const MAX_DEPTH = 12;
/** Stop collecting after this many problems: enough to show, bounded to compute. */
const MAX_REPORTED = 100;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function guardInput(input: Record<string, unknown>, locale: Locale): RecordError[] {
  const errors: RecordError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: "", depth: 0 }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000"))
        errors.push(
          recordError(
            path,
            "NUL_BYTE",
            message("不能包含空字符（\\u0000）", "Must not contain a NUL character"),
            locale,
          ),
        );
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_DEPTH) {
      errors.push(recordError(path, "TOO_DEEP", message("数据嵌套过深", "Is nested too deeply"), locale));
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) {
        errors.push(
          recordError(
            path,
            "TOO_MANY_ITEMS",
            message(`最多 ${MAX_LIST_ITEMS} 项`, `Must have at most ${MAX_LIST_ITEMS} items`),
            locale,
          ),
        );
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: `${path}/${i}`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_LIST_ITEMS) {
      errors.push(
        recordError(
          path,
          "TOO_MANY_ITEMS",
          message("键的数量过多", `Must have at most ${MAX_LIST_ITEMS} keys`),
          locale,
        ),
      );
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const childPath = `${path}/${pointerSegment(key)}`;
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push(
          recordError(
            childPath,
            "FORBIDDEN_KEY",
            message(`不允许的键名“${key}”`, `The key "${key}" is not allowed`),
            locale,
          ),
        );
        continue;
      }
      if (key.includes("\u0000")) {
        errors.push(
          recordError(
            childPath,
            "NUL_BYTE",
            message("键名不能包含空字符", "Keys must not contain a NUL character"),
            locale,
          ),
        );
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}
