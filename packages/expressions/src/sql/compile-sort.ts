// Multi-field sort from the query string: `sort=[{"field":"amount","dir":"desc"}]` (JSON) or the short
// form `sort=-amount,name` ("-" descending, "+" or nothing ascending). Blanks sort last in both
// directions unless `"nulls": "first"` says otherwise, because users look for filled-in rows first.
import { sql } from "kysely";
import { childPointer } from "./json-pointer";
import { columnReference, lookupField } from "./scope";
import type { CompileSortResult, FilterScope, SortError, SortKey } from "./types";

export const MAX_SORT_KEYS = 10;

/** `direction` is accepted as a synonym of `dir` (the record query API of @formwork/db spells it so). */
const SORT_PROPERTIES = ["field", "dir", "direction", "nulls"];

type SortScope = Pick<FilterScope, "fields" | "forbidden" | "table">;

interface SortItem {
  field: unknown;
  dir: unknown;
  /** Pointer of the direction property, whichever spelling was used. */
  dirPath: string;
  nulls: unknown;
  /** Pointer of the item, and of its field name (the same for the short form). */
  path: string;
  fieldPath: string;
}

function itemsOf(sort: unknown, errors: SortError[]): SortItem[] {
  if (typeof sort === "string") {
    const text = sort.trim();
    if (text.startsWith("[")) {
      try {
        return itemsOf(JSON.parse(text), errors);
      } catch {
        errors.push({ code: "INVALID_SORT", path: "", message: "the sort is not valid JSON" });
        return [];
      }
    }
    if (text === "") return [];
    return text.split(",").map((part, i) => shortItem(part.trim(), `/${i}`));
  }
  if (!Array.isArray(sort)) {
    errors.push({
      code: "INVALID_SORT",
      path: "",
      message: 'expected a list such as [{"field": "name", "dir": "asc"}]',
    });
    return [];
  }
  const items: SortItem[] = [];
  for (const [i, entry] of sort.entries()) {
    const path = childPointer("", i);
    if (typeof entry === "string") {
      items.push(shortItem(entry.trim(), path));
    } else if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
      const record = entry as Record<string, unknown>;
      const extra = Object.keys(record).find((key) => !SORT_PROPERTIES.includes(key));
      if (extra !== undefined) {
        errors.push({
          code: "INVALID_SORT",
          path: childPointer(path, extra),
          message: `unknown sort property "${extra}"`,
        });
        continue;
      }
      items.push({
        field: record.field,
        dir: Object.hasOwn(record, "direction") ? record.direction : record.dir,
        dirPath: childPointer(path, Object.hasOwn(record, "direction") ? "direction" : "dir"),
        nulls: record.nulls,
        path,
        fieldPath: Object.hasOwn(record, "field") ? childPointer(path, "field") : path,
      });
    } else {
      errors.push({
        code: "INVALID_SORT",
        path,
        message: 'expected {"field": "name", "dir": "asc" | "desc"}',
      });
    }
  }
  return items;
}

function shortItem(text: string, path: string): SortItem {
  const desc = text.startsWith("-");
  const field = desc || text.startsWith("+") ? text.slice(1) : text;
  return { field, dir: desc ? "desc" : "asc", dirPath: path, nulls: undefined, path, fieldPath: path };
}

/** Compiles a sort against the allowlisted fields. Never throws. */
export function compileSort(sort: unknown, scope: SortScope): CompileSortResult {
  if (sort === undefined || sort === null) return { ok: true, order: [] };
  const errors: SortError[] = [];
  const items = itemsOf(sort, errors);
  if (items.length > MAX_SORT_KEYS) {
    return {
      ok: false,
      errors: [{ code: "TOO_COMPLEX", path: "", message: `sort by at most ${MAX_SORT_KEYS} fields` }],
    };
  }
  const order: SortKey[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item.field !== "string" || item.field === "") {
      errors.push({ code: "INVALID_SORT", path: item.fieldPath, message: "expected a field name" });
      continue;
    }
    if (item.dir !== undefined && item.dir !== "asc" && item.dir !== "desc") {
      errors.push({
        code: "INVALID_SORT",
        path: item.dirPath,
        message: 'dir is "asc" or "desc"',
      });
      continue;
    }
    if (item.nulls !== undefined && item.nulls !== "first" && item.nulls !== "last") {
      errors.push({
        code: "INVALID_SORT",
        path: childPointer(item.path, "nulls"),
        message: 'nulls is "first" or "last"',
      });
      continue;
    }
    const found = lookupField(scope, item.field);
    if (!found.ok) {
      errors.push({ code: found.code, path: item.fieldPath, message: found.message });
      continue;
    }
    if (found.field.valueType === "json") {
      errors.push({
        code: "TYPE_MISMATCH",
        path: item.fieldPath,
        message: `the field "${item.field}" cannot be sorted`,
      });
      continue;
    }
    if (seen.has(item.field)) {
      errors.push({
        code: "INVALID_SORT",
        path: item.fieldPath,
        message: `the field "${item.field}" is sorted twice`,
      });
      continue;
    }
    seen.add(item.field);
    order.push({
      field: item.field,
      column: columnReference(scope, found.field.column),
      direction: item.dir === "desc" ? "desc" : "asc",
      nulls: item.nulls === "first" ? "first" : "last",
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, order };
}

/** `"a" desc nulls last, "b" asc nulls last` for an ORDER BY, or null when there is no key. */
export function orderByClause(order: readonly SortKey[]) {
  if (order.length === 0) return null;
  return sql.join(
    order.map((key) => sql`${key.column} ${sql.raw(key.direction)} nulls ${sql.raw(key.nulls)}`),
    sql`, `,
  );
}
