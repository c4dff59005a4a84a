// The preview: the whole file read as the import will read it, every row converted and checked by the
// write path's own pipeline (prepareAll: normalisation, formulas, required, ranges, options, submit
// validations) — nothing written. Update and upsert previews also look the keys up. Memory stays
// bounded: only the first rows and the first error rows are kept for the answer, the rest are counted.
import { findRecordsByKey } from "@formwork/db";
import { FormworkError, type Locale } from "@formwork/schema";
import type { Db } from "../../database";
import { prepareAll } from "../records/prepare";
import type { ImportMode } from "./mapping";
import type { SheetRow } from "./parse/sheet-row";
import {
  type BatchShape,
  cellText,
  convertBatch,
  errorsByRow,
  type PendingRow,
  type RowError,
  rowBase,
} from "./rows";

export const PREVIEW_SAMPLE_ROWS = 20;
export const PREVIEW_ERROR_ROWS = 200;
/** Cells are cut to this many characters in the preview answer (the import reads them whole). */
const PREVIEW_CELL_CHARS = 200;

export interface PreviewRow {
  row: number;
  cells: string[];
  errors: RowError[];
}

export interface PreviewResult {
  totalRows: number;
  errorRowCount: number;
  sample: PreviewRow[];
  errorRows: PreviewRow[];
}

export interface PreviewShape extends BatchShape {
  mode: ImportMode;
  locale: Locale;
  actorId: string;
}

/** Key problems of update and upsert rows: no key, no record (update), several records. */
async function keyErrors(db: Db, shape: PreviewShape, rows: PendingRow[]): Promise<Set<PendingRow>> {
  const creates = new Set<PendingRow>();
  if (shape.mode === "insert" || shape.keyField === undefined) return new Set(rows);
  const keys = [...new Set(rows.flatMap((r) => (r.key === undefined ? [] : [r.key])))];
  const found = await findRecordsByKey(db, shape.form, shape.keyField, keys);
  const keyHeader =
    shape.headers[shape.mapping.find((m) => m.fieldId === shape.keyField)?.column ?? -1] ?? "";
  for (const row of rows) {
    if (row.key === undefined) {
      row.errors.push({ column: keyHeader, message: "The key is empty" });
      continue;
    }
    const ids = found.get(row.key) ?? [];
    if (ids.length > 1)
      row.errors.push({ column: keyHeader, message: `Several records have the key "${row.key}"` });
    else if (ids.length === 0 && shape.mode === "update")
      row.errors.push({ column: keyHeader, message: `No record has the key "${row.key}"` });
    else if (ids.length === 0) creates.add(row);
  }
  return creates;
}

/** Checks one batch the way a submit would; adds the pipeline's errors to each row. */
export async function checkBatch(
  db: Db,
  shape: PreviewShape,
  rows: readonly SheetRow[],
): Promise<PendingRow[]> {
  const pending = await convertBatch(db, shape, rows);
  const creates = await keyErrors(db, shape, pending);
  // New records are checked whole; updates only by their cells here (the stored record they merge
  // over is read when the job writes them, and its refusals are reported as rejected rows).
  const checked = pending.filter((r) => r.errors.length === 0 && creates.has(r));
  if (checked.length > 0) {
    try {
      prepareAll(
        shape.form,
        checked.map((r) => ({ base: rowBase(r.row), data: r.data })),
        { now: new Date(), actorId: shape.actorId, timeZone: shape.timeZone, locale: shape.locale },
      );
    } catch (error) {
      if (!(error instanceof FormworkError)) throw error;
      const byRow = errorsByRow(error, shape, shape.locale);
      for (const row of checked) row.errors.push(...(byRow.get(row.row.number) ?? []));
    }
  }
  return pending;
}

const shown = (row: SheetRow, width: number) =>
  Array.from({ length: width }, (_, i) => cellText(row.cells[i] ?? null).slice(0, PREVIEW_CELL_CHARS));

export async function previewRows(
  db: Db,
  shape: PreviewShape,
  rows: AsyncIterable<SheetRow>,
  batchSize: number,
): Promise<PreviewResult> {
  const result: PreviewResult = { totalRows: 0, errorRowCount: 0, sample: [], errorRows: [] };
  const width = shape.headers.length;
  let batch: SheetRow[] = [];
  const flush = async () => {
    for (const row of await checkBatch(db, shape, batch)) {
      if (result.sample.length < PREVIEW_SAMPLE_ROWS)
        result.sample.push({ row: row.row.number, cells: shown(row.row, width), errors: row.errors });
      if (row.errors.length === 0) continue;
      result.errorRowCount += 1;
      if (result.errorRows.length < PREVIEW_ERROR_ROWS)
        result.errorRows.push({ row: row.row.number, cells: shown(row.row, width), errors: row.errors });
    }
    batch = [];
  };
  for await (const row of rows) {
    result.totalRows += 1;
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return result;
}
