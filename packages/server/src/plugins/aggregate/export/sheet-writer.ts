// Where exported rows go: a CSV or an XLSX sheet written into a stream as they come, so memory holds
// one batch of rows, never the whole export. XLSX uses exceljs's streaming WorkbookWriter (inline
// strings, no styles: nothing accumulates per row). exceljs and its zip and stream libraries (~1.5 MB of
// code) are loaded at the first XLSX export, not at start: kept loaded, they were ~6 MB of every server's
// live heap, which V8 multiplies into the garbage it lets pile up before a major collection.
import { PassThrough } from "node:stream";
import type { Cell } from "./cells";
import { csvLine, UTF8_BOM } from "./csv";

export type ExportFormat = "csv" | "xlsx";

export interface SheetWriter {
  /** The bytes, to send as the response body. */
  readonly stream: PassThrough;
  rows(rows: readonly (readonly Cell[])[]): Promise<void>;
  end(): Promise<void>;
}

/** Resolves when the reader has taken what was written (backpressure: the database waits for the client). */
function drained(stream: PassThrough): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

function csvWriter(): SheetWriter {
  const stream = new PassThrough();
  stream.write(UTF8_BOM);
  return {
    stream,
    async rows(rows) {
      stream.write(rows.map(csvLine).join(""));
      await drained(stream);
    },
    async end() {
      stream.end();
    },
  };
}

async function xlsxWriter(sheetName: string): Promise<SheetWriter> {
  const { default: ExcelJS } = await import("exceljs");
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || "Sheet1");
  return {
    stream,
    async rows(rows) {
      for (const row of rows) sheet.addRow(row as Cell[]).commit();
      await drained(stream);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** Excel refuses sheet names with these characters. */
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

export async function sheetWriter(format: ExportFormat, sheetName: string): Promise<SheetWriter> {
  return format === "csv" ? csvWriter() : xlsxWriter(sheetName.replace(SHEET_NAME_FORBIDDEN, " "));
}
