// A json-logic filter compiled against a published form for one caller: the records list and saved
// views (which check a view's filter by compiling it) share it, so both refuse the same filters with the
// same codes and pointers. Fields hidden from the caller are `forbidden`: a filter on one is refused
// with FORBIDDEN_FIELD (403), never ignored — an ignored filter would let its results be an oracle.
import { filterScopeFor, type PublishedForm } from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import { FormworkError } from "@formwork/schema";
import type { Expression, SqlBool } from "kysely";
import type { Principal } from "../auth/principal";

export interface FilterAccess {
  /** Field ids the caller may not read. */
  forbidden?: readonly string[];
  /** Dynamic values ({"var": "$user.departments"}, ...) for the caller; `$user.id` is always there. */
  params?: Record<string, unknown>;
}

/** The SQL predicate of `filter`; INVALID_FILTER with pointers under `pointer` when it does not compile. */
export function compileRecordFilter(
  form: PublishedForm,
  filter: unknown,
  principal: Principal,
  timeZone: string,
  pointer = "/filter",
  access: FilterAccess = {},
): Expression<SqlBool> {
  const scope = filterScopeFor(form, {
    now: new Date(),
    timeZone,
    params: { ...access.params, "$user.id": principal.userId },
    ...(access.forbidden?.length ? { forbidden: access.forbidden } : {}),
  });
  const compiled = compileFilter(filter, scope);
  if (!compiled.ok) {
    const forbidden = compiled.errors.find((e) => e.code === "FORBIDDEN_FIELD");
    throw new FormworkError(
      forbidden ? "FORBIDDEN_FIELD" : "INVALID_FILTER",
      (forbidden ?? compiled.errors[0])?.message ?? "The filter is invalid",
      compiled.errors.map((e) => ({ path: `${pointer}${e.path}`, message: e.message, code: e.code })),
    );
  }
  return compiled.expr;
}
