// The list endpoint's query string, parsed into the records repository's terms. Field names are only
// parsed here; whether they exist is decided against the published form (see ./query-plan).
import { FormworkError } from "@formwork/schema";

export const MAX_PAGE_SIZE = 1000;
export const MAX_FILTER_LENGTH = 20_000;
const MAX_SORT_KEYS = 8;
const MAX_PROJECTED_FIELDS = 500;
const NAME = /^\$?[a-zA-Z][a-zA-Z0-9_]*$/;

export interface ListQueryString {
  filter?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
  offset?: number;
  fields?: string;
  q?: string;
  deleted?: boolean;
  count?: boolean;
}

export const listQuerySchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    filter: {
      type: "string",
      maxLength: MAX_FILTER_LENGTH,
      description: "json-logic over field ids, as JSON text",
    },
    sort: { type: "string", maxLength: 1000, description: "comma-separated field ids, `-` for descending" },
    limit: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 },
    cursor: { type: "string", maxLength: 2000 },
    offset: { type: "integer", minimum: 0, maximum: 10_000_000 },
    fields: { type: "string", maxLength: 10_000, description: "comma-separated field ids to return" },
    q: { type: "string", maxLength: 200, description: "substring searched in text fields" },
    deleted: { type: "boolean", description: "true lists the recycle bin" },
    count: { type: "boolean", default: true },
  },
} as const;

export interface ParsedSort {
  field: string;
  direction: "asc" | "desc";
}

export function parseSort(text: string | undefined): ParsedSort[] {
  if (text === undefined || text.trim() === "") return [];
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length > MAX_SORT_KEYS) {
    throw new FormworkError("INVALID_SORT", `Sort by at most ${MAX_SORT_KEYS} fields`, [
      { path: "/sort", message: "too many sort keys" },
    ]);
  }
  return parts.map((part, index) => {
    const descending = part.startsWith("-");
    const field = descending || part.startsWith("+") ? part.slice(1) : part;
    if (!NAME.test(field)) {
      throw new FormworkError("INVALID_SORT", `Cannot sort by "${part}"`, [
        { path: `/sort/${index}`, message: "not a field id" },
      ]);
    }
    return { field, direction: descending ? "desc" : "asc" };
  });
}

export function parseFields(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length > MAX_PROJECTED_FIELDS) {
    throw new FormworkError("BAD_REQUEST", "Too many fields requested", [
      { path: "/fields", message: "too many" },
    ]);
  }
  names.forEach((name, index) => {
    if (!NAME.test(name)) {
      throw new FormworkError("UNKNOWN_FIELD", `"${name}" is not a field id`, [
        { path: `/fields/${index}`, message: "not a field id" },
      ]);
    }
  });
  return [...new Set(names)];
}

/** The filter's JSON text, parsed; errors point into the `filter` parameter. */
export function parseFilter(text: string | undefined): unknown {
  if (text === undefined || text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FormworkError("INVALID_FILTER", "The filter is not valid JSON", [
      { path: "/filter", message: error instanceof Error ? error.message : "malformed JSON" },
    ]);
  }
}
