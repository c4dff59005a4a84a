// A batch of sheet rows as record data: cells converted per mapped field (./values), then the errors a
// write reports mapped back to the rows and columns they came from, so preview, job and download all
// speak of "row 12, column 金额" rather than JSON pointers.
import type { PublishedForm } from "@formwork/db";
import { localize } from "@formwork/fields";
import type { ErrorDetail, FieldDefinition, FormworkError, Locale } from "@formwork/schema";
import type { Db } from "../../database";
import type { ColumnMapping } from "./mapping";
import type { CellValue, SheetRow } from "./parse/sheet-row";
import { cellToValue, lookupNames } from "./values";

export interface RowError {
  /** The column's header, when the error is about one cell. */
  column?: string;
  message: string;
}

export interface PendingRow {
  row: SheetRow;
  data: Record<string, unknown>;
  /** The key field's value as text (update and upsert). */
  key?: string;
  errors: RowError[];
}

export interface BatchShape {
  form: PublishedForm;
  headers: readonly string[];
  mapping: readonly ColumnMapping[];
  timeZone: string;
  keyField?: string | undefined;
}

export const rowBase = (row: SheetRow) => `/rows/${row.number}/data`;

export async function convertBatch(
  db: Db,
  shape: BatchShape,
  rows: readonly SheetRow[],
): Promise<PendingRow[]> {
  const byId = new Map(shape.form.definition.fields.map((f) => [f.id, f]));
  const fields = shape.mapping.map((m) => byId.get(m.fieldId)).filter((f): f is FieldDefinition => !!f);
  const columnOf = new Map(shape.mapping.map((m) => [m.fieldId, m.column]));
  const names = await lookupNames(
    db,
    fields,
    rows.map((r) => r.cells),
    columnOf,
  );
  return rows.map((row) => {
    const data: Record<string, unknown> = {};
    const errors: RowError[] = [];
    for (const { column, fieldId } of shape.mapping) {
      const field = byId.get(fieldId)!;
      const converted = cellToValue(field, row.cells[column] ?? null, { timeZone: shape.timeZone, names });
      if (converted.ok) data[fieldId] = converted.value;
      else errors.push({ column: shape.headers[column] ?? "", message: converted.message });
    }
    const pending: PendingRow = { row, data, errors };
    if (shape.keyField !== undefined) {
      const value = data[shape.keyField];
      if (value !== null && value !== undefined && String(value).trim() !== "")
        pending.key = String(value).trim();
    }
    return pending;
  });
}

/** Rows (by sheet row number) and their errors, from a write's FormworkError details. */
export function errorsByRow(
  error: FormworkError,
  shape: BatchShape,
  locale: Locale,
): Map<number, RowError[]> {
  const out = new Map<number, RowError[]>();
  for (const detail of error.details) {
    const match = /^\/rows\/(\d+)\/data(?:\/([^/]+))?/.exec(detail.path);
    if (!match) continue;
    const row = Number(match[1]);
    const list = out.get(row) ?? [];
    list.push(describe(detail, match[2], shape, locale));
    out.set(row, list);
  }
  return out;
}

/** One row's errors from a write refused as a whole (its details point at fields, not rows). */
export function errorsOfRow(error: FormworkError, shape: BatchShape, locale: Locale): RowError[] {
  if (error.details.length === 0) return [{ message: error.message }];
  return error.details.map((detail) => {
    const match = /^(?:\/rows\/\d+)?(?:\/data)?\/([^/]+)/.exec(detail.path);
    return describe(detail, match?.[1], shape, locale);
  });
}

function describe(
  detail: ErrorDetail,
  fieldId: string | undefined,
  shape: BatchShape,
  locale: Locale,
): RowError {
  if (fieldId === undefined) return { message: detail.message };
  const mapped = shape.mapping.find((m) => m.fieldId === fieldId);
  if (mapped) return { column: shape.headers[mapped.column] ?? "", message: detail.message };
  const field = shape.form.definition.fields.find((f) => f.id === fieldId);
  const label = field ? localize(field.label as Parameters<typeof localize>[0], locale, fieldId) : fieldId;
  return { message: `${label}: ${detail.message}` };
}

/** Cells as text for previews and the rejected-rows file. */
export function cellText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
  }
  return String(cell);
}
