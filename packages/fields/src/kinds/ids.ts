// References by id (linked records, members, departments): one id string, or a list of distinct ids.
// Whether the ids exist is checked by the server against the database, not here.

import { issue, type ValueIssue } from "../shared/messages";
import { dedupe, ID_PATTERN, isId, isPlainObject, nullable, scalarText } from "../shared/values";
import type { FilterOperator, JsonSchema } from "../types";

export const SINGLE_ID_OPERATORS: FilterOperator[] = ["eq", "ne", "in", "notIn", "empty", "notEmpty"];
export const MULTI_ID_OPERATORS: FilterOperator[] = [
  "hasAny",
  "hasAll",
  "hasNone",
  "contains",
  "notContains",
  "empty",
  "notEmpty",
];

/** Several references per field are bounded: a picker, not a bulk channel. */
export const IDS_HARD_MAX = 500;

export const idSchema: JsonSchema = { type: "string", pattern: ID_PATTERN };

export function singleIdSchema(): JsonSchema {
  return nullable(idSchema);
}

export function multiIdSchema(): JsonSchema {
  return nullable({ type: "array", items: idSchema, uniqueItems: true, maxItems: IDS_HARD_MAX });
}

/** An id from a string, a number, or an object `{id}` as pickers and imports send them. */
function toId(value: unknown): unknown {
  if (isPlainObject(value) && "id" in value) value = value.id;
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return typeof value === "string" ? value.trim() : value;
}

export function normalizeSingleId(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1) value = value[0];
  const id = toId(value);
  return id === "" ? null : id;
}

export function normalizeMultiId(value: unknown): unknown {
  if (typeof value === "string" || typeof value === "number" || isPlainObject(value)) value = [value];
  if (!Array.isArray(value)) return value;
  const ids = dedupe(value.map(toId).filter((v) => v !== ""));
  return ids.length === 0 ? null : ids;
}

export function validateSingleId(value: unknown): ValueIssue[] {
  if (value === null || value === undefined) return [];
  return isId(value) ? [] : [issue("", "无效的编号", "Is not a valid id")];
}

export function validateMultiId(value: unknown): ValueIssue[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return [issue("", "应为编号列表", "Must be a list of ids")];
  if (value.length > IDS_HARD_MAX)
    return [issue("", `最多 ${IDS_HARD_MAX} 项`, `At most ${IDS_HARD_MAX} items`)];
  const issues = value.flatMap((v, i) =>
    isId(v) ? [] : [issue(`/${i}`, "无效的编号", "Is not a valid id")],
  );
  if (new Set(value).size !== value.length) issues.push(issue("", "存在重复项", "Has repeated items"));
  return issues;
}

/** Without a directory at hand, ids are shown as they are; the renderer swaps in names. */
export function formatIds(value: unknown, separator: string): string {
  if (value === null || value === undefined) return "";
  return Array.isArray(value) ? value.map(scalarText).join(separator) : scalarText(value);
}
