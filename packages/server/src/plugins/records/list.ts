// GET /api/forms/:form/records: the query string becomes one SQL query through the db package; the
// filter is compiled by @formwork/expressions against the form's allowlisted columns and and-ed with
// the caller's permission scope (row predicate, hidden fields refused in filter/sort/fields/search). Nothing is filtered, sorted or counted here.
import { type PublishedForm, queryRecords, type RecordPage } from "@formwork/db";
import { type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { checkReadableNames, requireAction } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";
import { filterNames } from "./filter-names";
import type { PublishedForms } from "./published-forms";
import { type ListQueryString, parseFields, parseFilter, parseSort } from "./query-params";
import { compileRecordFilter } from "./record-filter";

/**
 * The list route: the page is read with the form version last seen while the current version is
 * checked in parallel (saving a round trip on the grid's hot path); the page is answered only when the
 * two are the same version, else it is read again with the current one. A deleted form is NOT_FOUND
 * either way.
 */
export async function listFormRecords(
  db: Db,
  forms: PublishedForms,
  principal: Principal,
  formId: string,
  query: ListQueryString,
  timeZone: string,
): Promise<RecordPage> {
  const guess = forms.lastKnown(formId);
  if (!guess) return listRecords(db, principal, await forms.get(formId), query, timeZone);
  const [current, page] = await Promise.allSettled([
    forms.get(formId),
    listRecords(db, principal, guess, query, timeZone),
  ]);
  if (current.status === "rejected") throw current.reason;
  if (current.value !== guess) return listRecords(db, principal, current.value, query, timeZone);
  if (page.status === "rejected") throw page.reason;
  return page.value;
}

export async function listRecords(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  query: ListQueryString,
  timeZone: string,
): Promise<RecordPage> {
  const scope = await recordScope(db, principal, form, timeZone);
  requireAction(scope, query.deleted ? "delete" : "view");
  const filterJson = parseFilter(query.filter);
  const filter =
    filterJson === undefined
      ? undefined
      : compileRecordFilter(form, filterJson, principal, timeZone, "/filter", {
          forbidden: scope.hiddenFields,
          params: scope.params,
        });
  const access = scope.where("view");
  const combined =
    filter && access ? sql<SqlBool>`(${filter}) AND (${access})` : (filter ?? access ?? undefined);
  const sort = parseSort(query.sort);
  checkReadableNames(
    scope,
    sort.map((key) => key.field),
    "/sort",
  );
  const requested = parseFields(query.fields);
  if (requested) checkReadableNames(scope, requested, "/fields");
  const hides = scope.hiddenFields.length > 0;
  const fields = requested ?? (hides ? [...scope.visibleFields] : undefined);
  return queryRecords(db, form, {
    ...(combined ? { filter: combined } : {}),
    filterFields: [...(filterJson === undefined ? [] : filterNames(filterJson)), ...scope.rowFields],
    sort,
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    ...(query.offset !== undefined ? { offset: query.offset } : {}),
    ...(fields ? { fields } : {}),
    ...(query.q ? { search: query.q, ...(hides ? { searchFields: [...scope.visibleFields] } : {}) } : {}),
    deleted: query.deleted ? "only" : "exclude",
    count: query.count ?? true,
  });
}
