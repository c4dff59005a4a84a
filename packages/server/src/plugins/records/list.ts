// GET /api/forms/:form/records: the query string becomes one SQL query through the db package; the
// filter is compiled by @formwork/expressions against the form's allowlisted columns and and-ed with
// the caller's access predicate. Nothing is filtered, sorted or counted here.
import { type PublishedForm, queryRecords, type RecordPage } from "@formwork/db";
import { type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { filterNames } from "./filter-names";
import { type ListQueryString, parseFields, parseFilter, parseSort } from "./query-params";
import { recordAccess } from "./record-access";
import { compileRecordFilter } from "./record-filter";

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
