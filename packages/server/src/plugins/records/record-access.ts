// The one place the records routes ask which records a caller may see and change. Every read path
// (lists, single reads, history, file downloads) and every write path asks here, and the answer is a SQL
// predicate over the form's table so it composes with filters, counts and paging. The rules themselves
// are the permission sets' (plugins/permissions/scope.ts: recordScope).
import { getRecord, type PublishedForm, queryRecords } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyRequest } from "fastify";
import { type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { type RowAction, recordScope, scopeTimeZone } from "../permissions/scope";

export type RecordAction = "read" | "write" | "delete" | "print";

const ROW_ACTION: Record<RecordAction, RowAction> = {
  read: "view",
  write: "edit",
  delete: "delete",
  print: "print",
};

/** A predicate the record must satisfy, or null when the caller may touch every record. */
export async function recordAccess(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  action: RecordAction,
): Promise<Expression<SqlBool> | null> {
  const scope = await recordScope(db, principal, form, scopeTimeZone(db));
  return scope.where(ROW_ACTION[action]);
}

/** Whether the record exists (live or in the recycle bin) and passes the caller's access predicate. */
export async function recordPasses(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  recordId: string,
  action: RecordAction,
): Promise<boolean> {
  const access = await recordAccess(db, principal, form, action);
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
 * access predicate for this record. Costs no query when the caller may touch every record.
 */
export async function assertRecordAccess(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  recordId: string,
  action: RecordAction,
): Promise<void> {
  if ((await recordAccess(db, principal, form, action)) === null) return;
  if (!(await recordPasses(db, principal, form, recordId, action))) {
    throw new FormworkError("NOT_FOUND", "No such record");
  }
}

/**
 * For file downloads: may the caller read this record of this form and, when some fields are hidden from
 * them, does the file sit in a field they may see (a file in a hidden field stays hidden)?
 */
export async function canReadRecord(
  db: Db,
  request: FastifyRequest,
  load: (formId: string) => Promise<PublishedForm>,
  formId: string,
  recordId: string,
  fileId?: string,
): Promise<boolean> {
  if (!request.principal) return false;
  let form: PublishedForm;
  try {
    form = await load(formId);
  } catch {
    return false;
  }
  if (!(await recordPasses(db, request.principal, form, recordId, "read"))) return false;
  const scope = await recordScope(db, request.principal, form, scopeTimeZone(db));
  if (scope.hiddenFields.length === 0 || fileId === undefined) return true;
  const record = await getRecord(db, form, recordId, { deleted: "include" });
  if (!record) return false;
  return [...scope.visibleFields].some((id) => JSON.stringify(record.data[id] ?? null).includes(fileId));
}
