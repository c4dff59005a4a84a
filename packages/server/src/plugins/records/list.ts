// GET /api/forms/:form/records: the query string becomes one SQL query through the db package; the
// filter is compiled by @formwork/expressions against the form's allowlisted columns and and-ed with
// the caller's access predicate. Nothing is filtered, sorted or counted here.
import { filterScopeFor, type PublishedForm, queryRecords, type RecordPage } from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import { FormworkError } from "@formwork/schema";
import { type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { filterNames } from "./filter-names";
import { type ListQueryString, parseFields, parseFilter, parseSort } from "./query-params";
import { recordAccess } from "./record-access";

export async function listRecords(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  query: ListQueryString,
  timeZone: string,
): Promise<RecordPage> {
  const filterJson = parseFilter(query.filter);
  let filter: Expression<SqlBool> | undefined;
  if (filterJson !== undefined) {
    const scope = filterScopeFor(form, {
      now: new Date(),
      timeZone,
      params: { "$user.id": principal.userId },
    });
    const compiled = compileFilter(filterJson, scope);
    if (!compiled.ok) {
      throw new FormworkError(
        "INVALID_FILTER",
        compiled.errors[0]?.message ?? "The filter is invalid",
        compiled.errors.map((e) => ({ path: `/filter${e.path}`, message: e.message, code: e.code })),
      );
    }
    filter = compiled.expr;
  }
  const access = recordAccess(principal, form, "read");
  const combined =
    filter && access ? sql<SqlBool>`(${filter}) AND (${access})` : (filter ?? access ?? undefined);
  const fields = parseFields(query.fields);
  return queryRecords(db, form, {
    ...(combined ? { filter: combined } : {}),
    filterFields: filterJson === undefined ? [] : filterNames(filterJson),
    sort: parseSort(query.sort),
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    ...(query.offset !== undefined ? { offset: query.offset } : {}),
    ...(fields ? { fields } : {}),
    ...(query.q ? { search: query.q } : {}),
    deleted: query.deleted ? "only" : "exclude",
    count: query.count ?? true,
  });
}
