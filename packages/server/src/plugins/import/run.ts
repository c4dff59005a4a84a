// One import job, inside the transaction that claimed it (./worker). Rows stream from the stored file
// in batches; each batch goes through the records write path — createRecords for new records (the
// submit's validation, formulas, serial numbers, permissions; one multi-row statement per batch) and
// editInTransaction for updates — under a savepoint, so a refused row is set aside without losing the
// batch: a batch refusal that names rows drops those rows and retries the rest; one that names no row
// (a unique index) is retried row by row. All-or-nothing jobs roll everything back at the first
// rejected row's batch end and keep checking (without writing) so the user gets every error at once.
import { findRecordsByKey, type ImportReject, insertImportRejects, type PublishedForm } from "@formwork/db";
import { FormworkError, type Locale } from "@formwork/schema";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import type { RecordScope } from "../permissions/scope";
import { createRecords, editInTransaction, type WriteDeps } from "../records/write-path";
import type { ColumnMapping, ImportMode } from "./mapping";
import type { SheetRow } from "./parse/sheet-row";
import { checkBatch } from "./preview";
import {
  type BatchShape,
  cellText,
  convertBatch,
  errorsByRow,
  errorsOfRow,
  type PendingRow,
  type RowError,
  rowBase,
} from "./rows";

/** What a user chose for a job, stored with it (import_jobs.options). */
export interface ImportOptions {
  fileId: string;
  fileName: string;
  encoding: "utf-8" | "gb18030";
  mapping: ColumnMapping[];
  mode: ImportMode;
  keyField?: string;
  skipBadRows: boolean;
  locale: Locale;
}

/** Rejected rows an all-or-nothing job keeps for the download (it counts the rest). */
export const STRICT_REJECTS_KEPT = 1000;

export class ImportCancelled extends Error {}

export interface RunContext {
  tx: Db;
  deps: WriteDeps;
  principal: Principal;
  scope: RecordScope;
  form: PublishedForm;
  jobId: string;
  options: ImportOptions;
  headers: string[];
  totalRows: number;
  batchSize: number;
  /** Reports progress; resolves true when the job was asked to stop. */
  progress(processed: number): Promise<boolean>;
}

export interface RunResult {
  inserted: number;
  updated: number;
  rejected: number;
  /** All-or-nothing jobs with rejected rows: nothing was written; these go to the download. */
  heldRejects: ImportReject[];
}

/**
 * Runs `work` under a savepoint (the events hub's, so changes emitted by a refused write are dropped
 * with it): a FormworkError undoes just its statements and is returned.
 */
async function attempt<T>(
  deps: WriteDeps,
  tx: Db,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: FormworkError }> {
  try {
    return { ok: true, value: await deps.events.savepoint(tx, work) };
  } catch (error) {
    if (error instanceof FormworkError) return { ok: false, error };
    throw error;
  }
}

export async function runImport(ctx: RunContext, rows: AsyncIterable<SheetRow>): Promise<RunResult> {
  const { tx, options } = ctx;
  const shape: BatchShape & { mode: ImportMode; locale: Locale; actorId: string } = {
    form: ctx.form,
    headers: ctx.headers,
    mapping: options.mapping,
    timeZone: ctx.deps.timeZone,
    keyField: options.keyField,
    mode: options.mode,
    locale: options.locale,
    actorId: ctx.principal.userId,
  };
  const deps: WriteDeps = { ...ctx.deps, db: tx };
  const result: RunResult = { inserted: 0, updated: 0, rejected: 0, heldRejects: [] };
  let writing = true;
  let processed = 0;

  const reject = async (batch: ImportReject[]) => {
    if (batch.length === 0) return;
    result.rejected += batch.length;
    if (options.skipBadRows) {
      await insertImportRejects(tx, ctx.jobId, batch);
      return;
    }
    writing = false;
    for (const r of batch) if (result.heldRejects.length < STRICT_REJECTS_KEPT) result.heldRejects.push(r);
  };
  const rejectOf = (row: PendingRow, errors: RowError[]): ImportReject => ({
    rowNumber: row.row.number,
    cells: ctx.headers.map((_, i) => cellText(row.row.cells[i] ?? null)),
    errors,
  });

  const create = async (rowsToCreate: PendingRow[]): Promise<ImportReject[]> => {
    const rejects: ImportReject[] = [];
    let pending = rowsToCreate;
    const write = (list: PendingRow[]) =>
      attempt(deps, tx, () =>
        createRecords(
          deps,
          ctx.principal,
          ctx.form,
          list.map((r) => ({ data: r.data })),
          list.map((r) => rowBase(r.row)),
          options.locale,
          { trx: tx, returning: "refs", origin: { source: "import", depth: 0 } },
        ),
      );
    while (pending.length > 0) {
      const outcome = await write(pending);
      if (outcome.ok) {
        result.inserted += pending.length;
        return rejects;
      }
      const byRow = errorsByRow(outcome.error, shape, options.locale);
      if (byRow.size === 0) break;
      for (const row of pending) {
        const errors = byRow.get(row.row.number);
        if (errors) rejects.push(rejectOf(row, errors));
      }
      pending = pending.filter((row) => !byRow.has(row.row.number));
    }
    for (const row of pending) {
      const outcome = await write([row]);
      if (outcome.ok) result.inserted += 1;
      else rejects.push(rejectOf(row, errorsOfRow(outcome.error, shape, options.locale)));
    }
    return rejects;
  };

  const handleBatch = async (batch: SheetRow[]) => {
    if (!writing) {
      // All-or-nothing and already refused: only look for more errors to report.
      const checked = await checkBatch(tx, shape, batch);
      await reject(checked.filter((r) => r.errors.length > 0).map((r) => rejectOf(r, r.errors)));
      return;
    }
    const pending = await convertBatch(tx, shape, batch);
    const rejects: ImportReject[] = [];
    const toCreate: PendingRow[] = [];
    const toEdit: { row: PendingRow; id: string }[] = [];
    const keyHeader =
      ctx.headers[options.mapping.find((m) => m.fieldId === options.keyField)?.column ?? -1] ?? "";
    const found =
      options.mode === "insert" || options.keyField === undefined
        ? new Map<string, string[]>()
        : await findRecordsByKey(tx, ctx.form, options.keyField, [
            ...new Set(pending.flatMap((r) => (r.key === undefined ? [] : [r.key]))),
          ]);
    for (const row of pending) {
      if (row.errors.length > 0) {
        rejects.push(rejectOf(row, row.errors));
        continue;
      }
      if (options.mode === "insert") {
        toCreate.push(row);
        continue;
      }
      if (row.key === undefined) {
        rejects.push(rejectOf(row, [{ column: keyHeader, message: "The key is empty" }]));
        continue;
      }
      const ids = found.get(row.key) ?? [];
      if (ids.length > 1)
        rejects.push(
          rejectOf(row, [{ column: keyHeader, message: `Several records have the key "${row.key}"` }]),
        );
      else if (ids.length === 1) toEdit.push({ row, id: ids[0]! });
      else if (options.mode === "upsert") toCreate.push(row);
      else
        rejects.push(rejectOf(row, [{ column: keyHeader, message: `No record has the key "${row.key}"` }]));
    }
    if (toCreate.length > 0) rejects.push(...(await create(toCreate)));
    for (const { row, id } of toEdit) {
      const outcome = await attempt(deps, tx, () =>
        editInTransaction(deps, ctx.principal, ctx.scope, ctx.form, id, row.data, options.locale, {
          base: rowBase(row.row),
          origin: { source: "import", depth: 0 },
        }),
      );
      if (outcome.ok) result.updated += 1;
      else rejects.push(rejectOf(row, errorsOfRow(outcome.error, shape, options.locale)));
    }
    rejects.sort((a, b) => a.rowNumber - b.rowNumber);
    await reject(rejects);
  };

  let batch: SheetRow[] = [];
  const flush = async () => {
    await handleBatch(batch);
    processed += batch.length;
    batch = [];
    if (await ctx.progress(processed)) throw new ImportCancelled();
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= ctx.batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return result;
}
