// A json-logic filter compiled against a published form for one caller: the records list and saved
// views (which check a view's filter by compiling it) share it, so both refuse the same filters with the
// same codes and pointers.
import { filterScopeFor, type PublishedForm } from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import { FormworkError } from "@formwork/schema";
import type { Expression, SqlBool } from "kysely";
import type { Principal } from "../auth/principal";

/** The SQL predicate of `filter`; INVALID_FILTER with pointers under `pointer` when it does not compile. */
export function compileRecordFilter(
  form: PublishedForm,
  filter: unknown,
  principal: Principal,
  timeZone: string,
  pointer = "/filter",
): Expression<SqlBool> {
  const scope = filterScopeFor(form, {
    now: new Date(),
    timeZone,
    params: { "$user.id": principal.userId },
  });
  const compiled = compileFilter(filter, scope);
  if (!compiled.ok) {
    throw new FormworkError(
      "INVALID_FILTER",
      compiled.errors[0]?.message ?? "The filter is invalid",
      compiled.errors.map((e) => ({ path: `${pointer}${e.path}`, message: e.message, code: e.code })),
    );
  }
  return compiled.expr;
}
