// Free text values (single-line and multi-line text): trimmed strings with length and pattern rules.
import type { FieldBase, TextSettings } from "@formwork/schema";
import { issue, localize, type ValueIssue } from "../shared/messages";
import { compilePattern } from "../shared/patterns";
import { hasNul, nullable } from "../shared/values";
import type { FilterOperator, JsonSchema } from "../types";

/** Upper bounds that hold even when the designer sets none, so one value can't fill the database. */
export const TEXT_MAX_LENGTH = { line: 2000, multiline: 100_000 } as const;

export const TEXT_FILTER_OPERATORS: FilterOperator[] = [
  "eq",
  "ne",
  "in",
  "notIn",
  "contains",
  "notContains",
  "startsWith",
  "empty",
  "notEmpty",
];

type TextField = FieldBase & TextSettings;

export function textValueSchema(field: TextField, hardMax: number): JsonSchema {
  const max = Math.min(field.maxLength ?? hardMax, hardMax);
  return nullable({
    type: "string",
    maxLength: max,
    ...(field.minLength !== undefined && field.minLength > 0 ? { minLength: field.minLength } : {}),
  });
}

/** Trim; in multi-line text turn CRLF and lone CR into LF. Non-strings are returned unchanged. */
export function normalizeText(value: unknown, multiline: boolean): unknown {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return value;
  const text = multiline ? value.replace(/\r\n?/g, "\n").trim() : value.trim();
  return text === "" ? null : text;
}

export function validateText(value: unknown, field: TextField, hardMax: number): ValueIssue[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "string") return [issue("", "应为文本", "Must be text")];
  if (hasNul(value)) return [issue("", "包含不允许的空字符", "Contains a NUL character")];
  const issues: ValueIssue[] = [];
  const max = Math.min(field.maxLength ?? hardMax, hardMax);
  // Lengths count characters (code points); a string with over 2 UTF-16 units per allowed character is
  // too long either way, so huge input is not split into an array of characters first.
  const length = value.length > 2 * max ? value.length : [...value].length;
  if (field.minLength !== undefined && length < field.minLength)
    issues.push(
      issue("", `至少 ${field.minLength} 个字符`, `Must be at least ${field.minLength} characters`),
    );
  if (length > max) {
    issues.push(issue("", `最多 ${max} 个字符`, `Must be at most ${max} characters`));
    return issues;
  }
  if (field.pattern !== undefined) {
    const regex = compilePattern(field.pattern);
    if (regex && !regex.test(value)) {
      const custom = field.patternMessage;
      issues.push({
        path: "",
        message: {
          "zh-CN": localize(custom, "zh-CN", "格式不正确"),
          en: localize(custom, "en", "Has the wrong format"),
        },
      });
    }
  }
  return issues;
}
