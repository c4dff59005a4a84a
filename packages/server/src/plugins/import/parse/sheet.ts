// One entry to every importable file: its kind from the upload's type, its text encoding (CSV only:
// detected from the first bytes unless the user chose one), its header row, and its data rows as an
// async stream, never a list. The row limit is enforced here, while reading.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { FormworkError } from "@formwork/schema";
import { readCsv } from "./csv";
import { detectEncoding } from "./encoding";
import { fileInvalid, tooManyColumns, tooManyRows } from "./errors";
import { type CellValue, isBlankRow, type ReadLimits, type SheetRow, type TextEncoding } from "./sheet-row";
import { readXlsx } from "./xlsx";

export type SheetKind = "csv" | "xlsx";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function sheetKindOf(mime: string, name: string): SheetKind | null {
  if (mime === XLSX_MIME || /\.xlsx$/i.test(name)) return mime === XLSX_MIME ? "xlsx" : null;
  if (mime === "text/csv" || (mime === "text/plain" && /\.(csv|txt)$/i.test(name))) return "csv";
  return null;
}

const DETECT_BYTES = 64 * 1024;

async function headOf(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(DETECT_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, DETECT_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface OpenedSheet {
  kind: SheetKind;
  /** CSV: the encoding used; xlsx: always utf-8 (the format fixes it). */
  encoding: TextEncoding;
  detectedEncoding: TextEncoding;
  /** Header texts, trimmed; blank headers are "" (their columns are not importable). */
  headers: string[];
  /** Data rows after the header, blank rows skipped; refuses more than `maxRows`. */
  rows: AsyncGenerator<SheetRow>;
}

/** Trailing blank cells are not columns. */
function trimRow(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === "")) end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}

export function headerText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Headers that appear more than once (compared trimmed and case-insensitively), with their columns. */
export function duplicateHeaders(headers: readonly string[]): { header: string; columns: number[] }[] {
  const seen = new Map<string, number[]>();
  headers.forEach((header, column) => {
    if (header === "") return;
    const key = header.toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), column]);
  });
  return [...seen.values()]
    .filter((columns) => columns.length > 1)
    .map((columns) => ({ header: headers[columns[0]!]!, columns }));
}

export async function openSheet(
  file: { path: string; kind: SheetKind },
  encoding: TextEncoding | undefined,
  limits: ReadLimits,
): Promise<OpenedSheet> {
  const detected = file.kind === "csv" ? detectEncoding(await headOf(file.path)) : "utf-8";
  const used = file.kind === "csv" ? (encoding ?? detected) : "utf-8";
  const source =
    file.kind === "csv" ? readCsv(createReadStream(file.path), used, limits) : readXlsx(file.path, limits);
  let header: SheetRow | undefined;
  for (;;) {
    const next = await source.next();
    if (next.done) break;
    if (!isBlankRow(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    await source.return(undefined);
    throw fileInvalid("The file has no header row", "EMPTY");
  }
  const headers = trimRow(header.cells).map(headerText);
  if (headers.length > limits.maxColumns) {
    await source.return(undefined);
    throw tooManyColumns(limits.maxColumns);
  }
  const duplicates = duplicateHeaders(headers);
  if (duplicates.length > 0) {
    await source.return(undefined);
    throw new FormworkError(
      "DUPLICATE_HEADERS",
      `Column headers repeat: ${duplicates.map((d) => `"${d.header}"`).join(", ")}; rename them so each names one column`,
      duplicates.map((d) => ({
        path: `/headers/${d.columns[1]}`,
        message: `"${d.header}" is also the header of column ${d.columns[0]! + 1}`,
        code: "DUPLICATE_HEADER",
      })),
    );
  }
  async function* dataRows(): AsyncGenerator<SheetRow> {
    let count = 0;
    try {
      for await (const row of source) {
        if (isBlankRow(row.cells)) continue;
        count += 1;
        if (count > limits.maxRows) throw tooManyRows(limits.maxRows);
        yield row;
      }
    } finally {
      await source.return(undefined);
    }
  }
  return { kind: file.kind, encoding: used, detectedEncoding: detected, headers, rows: dataRows() };
}
