// The one place that decides which records a caller may see and change. Every read path (lists,
// single reads, history, file downloads) and every write path asks here, and the answer is a SQL
// predicate over the form's table so it composes with filters, counts and paging. Today any signed-in
// user may read and write every record of a published form; the permission model (a later issue)
// returns narrower predicates from here without touching the routes.
import { type PublishedForm, queryRecords } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyRequest } from "fastify";
import { type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";

export type RecordAction = "read" | "write";

/**
 * A predicate the record must satisfy, or null when the caller may touch every record — which is the
 * rule until the permission model arrives: any signed-in user reads and writes records of published forms.
 */
export function recordAccess(
  _principal: Principal,
  _form: PublishedForm,
  _action: RecordAction,
): Expression<SqlBool> | null {
  return null;
}

/** Whether the record exists (live or in the recycle bin) and passes the caller's access predicate. */
export async function recordPasses(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  recordId: string,
  action: RecordAction,
): Promise<boolean> {
  const access = recordAccess(principal, form, action);
  const idMatches = sql<SqlBool>`id = ${recordId}::uuid`;
  const page = await queryRecords(db, form, {
    filter: access ? sql<SqlBool>`(${idMatches}) AND (${access})` : idMatches,
    deleted: "include",
    limit: 1,
    fields: [],
    count: false,
  });
  return page.records.length === 1;
}

/**
 * Throws NOT_FOUND (not FORBIDDEN: a record's existence is itself private) unless the caller passes the
 * access predicate for this record. Costs nothing while the caller may touch every record.
 */
export async function assertRecordAccess(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  recordId: string,
  action: RecordAction,
): Promise<void> {
  if (recordAccess(principal, form, action) === null) return;
  if (!(await recordPasses(db, principal, form, recordId, action))) {
    throw new FormworkError("NOT_FOUND", "No such record");
  }
}

/** For file downloads: may the caller read this record of this form? */
export async function canReadRecord(
  db: Db,
  request: FastifyRequest,
  load: (formId: string) => Promise<PublishedForm>,
  formId: string,
  recordId: string,
): Promise<boolean> {
  if (!request.principal) return false;
  let form: PublishedForm;
  try {
    form = await load(formId);
  } catch {
    return false;
  }
  return recordPasses(db, request.principal, form, recordId, "read");
}
