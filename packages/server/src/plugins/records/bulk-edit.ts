// Bulk edit (the grid's "edit a field on N records"): one request, one transaction, every record through
// the one write path (editInTransaction: row scope, running flow, writable fields, validation, formulas,
// revision, events) with source "bulk", so automations run when they are set to fire on bulk edits.
// Each record is written under a savepoint: one that is refused (in a flow, out of scope, failing
// validation) is set aside and reported, the rest are written — what the grid's per-record PATCHes did.
import { type PublishedForm, queryRecords } from "@formwork/db";
import { type ErrorBody, FormworkError, type Locale, pointerSegment } from "@formwork/schema";
import { type SqlBool, sql } from "kysely";
import type { Principal } from "../auth/principal";
import { checkWritableFields, requireAction } from "../permissions/enforce";
import { type RecordScope, recordScope } from "../permissions/scope";
import { compileRecordFilter } from "./record-filter";
import { editInTransaction, type WriteDeps } from "./write-path";

/** At most this many records per bulk edit (more: TOO_MANY_RECORDS, nothing written). */
export const MAX_BULK_EDIT = 1000;

export interface BulkEditBody {
  /** The records to change, or */
  ids?: string[];
  /** every record matching this json-logic filter (within the caller's edit scope). */
  filter?: unknown;
  data: Record<string, unknown>;
}

export interface BulkEditResult {
  updated: { id: string; version: number }[];
  failed: { id: string; status: number; error: ErrorBody["error"] }[];
}

export async function bulkEdit(
  deps: WriteDeps,
  principal: Principal,
  form: PublishedForm,
  body: BulkEditBody,
  locale: Locale,
): Promise<BulkEditResult> {
  const scope = await recordScope(deps.db, principal, form, deps.timeZone);
  requireAction(scope, "edit");
  // The same value goes to every record: a field the editor may not change, or no field at all, is
  // refused once for the whole request rather than once per record.
  checkWritableFields(scope, "edit", body.data, "/data");
  checkKnownFields(form, body.data);
  return deps.events.transaction(deps.db, async (tx) => {
    const ids =
      body.ids !== undefined
        ? [...new Set(body.ids)]
        : await matchingIds(tx, principal, scope, form, body.filter, deps.timeZone);
    const txDeps: WriteDeps = { ...deps, db: tx };
    const now = new Date();
    const result: BulkEditResult = { updated: [], failed: [] };
    for (const id of ids) {
      try {
        const updated = await deps.events.savepoint(tx, () =>
          editInTransaction(txDeps, principal, scope, form, id, body.data, locale, {
            now,
            origin: { source: "bulk", depth: 0 },
          }),
        );
        result.updated.push({ id, version: updated.version });
      } catch (error) {
        if (!(error instanceof FormworkError)) throw error;
        result.failed.push({ id, status: error.status, error: error.toBody().error });
      }
    }
    return result;
  });
}

function checkKnownFields(form: PublishedForm, data: Record<string, unknown>): void {
  const known = new Set(form.definition.fields.map((field) => field.id));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      throw new FormworkError("UNKNOWN_FIELD", `The form has no field "${key}"`, [
        { path: `/data/${pointerSegment(key)}`, message: "not a field of this form" },
      ]);
    }
  }
}

/** The ids of the live records matching the filter that the caller may edit, at most MAX_BULK_EDIT. */
async function matchingIds(
  tx: WriteDeps["db"],
  principal: Principal,
  scope: RecordScope,
  form: PublishedForm,
  filterJson: unknown,
  timeZone: string,
): Promise<string[]> {
  const filter = compileRecordFilter(form, filterJson, principal, timeZone, "/filter", {
    forbidden: scope.hiddenFields,
    params: scope.params,
  });
  const access = scope.where("edit");
  const page = await queryRecords(tx, form, {
    filter: access ? sql<SqlBool>`(${filter}) AND (${access})` : filter,
    limit: MAX_BULK_EDIT,
    fields: [],
    count: false,
  });
  // The page reads one row beyond the limit: a next cursor means there are more.
  if (page.nextCursor) {
    throw new FormworkError(
      "TOO_MANY_RECORDS",
      `The filter matches more than ${MAX_BULK_EDIT} records: narrow it, or edit in several steps`,
      [{ path: "/filter", message: `matches more than ${MAX_BULK_EDIT} records` }],
    );
  }
  return page.records.map((record) => record.id);
}
