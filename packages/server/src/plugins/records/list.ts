// GET /api/forms/:form/records: the query string becomes one SQL query through the db package; the
// filter is compiled by @formwork/expressions against the form's allowlisted columns and and-ed with
// the caller's access predicate. Nothing is filtered, sorted or counted here.
import { type PublishedForm, queryRecords, type RecordPage } from "@formwork/db";
import { type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { filterNames } from "./filter-names";
import type { PublishedForms } from "./published-forms";
import { type ListQueryString, parseFields, parseFilter, parseSort } from "./query-params";
import { recordAccess } from "./record-access";
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
  const filterJson = parseFilter(query.filter);
  const filter =
    filterJson === undefined ? undefined : compileRecordFilter(form, filterJson, principal, timeZone);
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
