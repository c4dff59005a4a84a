// Resolving the names a filter or sort uses against the caller's allowlist.
import { type Expression, sql } from "kysely";
import { DEFAULT_OPERATORS } from "./operators";
import type { FilterField, FilterScope } from "./types";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Quoted, optionally qualified column reference: `"t"."f_amount"`. */
export function columnReference(scope: Pick<FilterScope, "table">, column: string): Expression<unknown> {
  const qualifier = typeof scope.table === "string" && scope.table !== "" ? scope.table.split(".") : [];
  return sql.id(...qualifier, column);
}

/** Looks a field name up in the allowlist; reports why it cannot be used. */
export function lookupField(
  scope: Pick<FilterScope, "fields" | "forbidden">,
  name: string,
):
  | { ok: true; field: FilterField }
  | { ok: false; code: "UNKNOWN_FIELD" | "FORBIDDEN_FIELD"; message: string } {
  if (Array.isArray(scope.forbidden) && scope.forbidden.includes(name)) {
    return {
      ok: false,
      code: "FORBIDDEN_FIELD",
      message: `you may not filter or sort on the field "${name}"`,
    };
  }
  const fields = scope.fields;
  const field =
    fields !== null && typeof fields === "object" && Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (
    !isPlainObject(field) ||
    typeof field.column !== "string" ||
    field.column === "" ||
    !Object.hasOwn(DEFAULT_OPERATORS, field.valueType)
  ) {
    return { ok: false, code: "UNKNOWN_FIELD", message: `unknown field "${name}"` };
  }
  return { ok: true, field };
}
