// What the readers of every file kind produce: rows of plain cell values, numbered as the spreadsheet
// numbers them, and the limits they enforce while they read.

/** A cell as read: text, a number, a boolean, a date (xlsx date cells, as wall-clock UTC fields) or empty. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based row number in the file (the header row included), as the user sees it in Excel. */
  number: number;
  cells: CellValue[];
}

export interface ReadLimits {
  /** Data rows after the header; one more is refused. */
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  maxUnzippedBytes: number;
  maxZipRatio: number;
}

export const TEXT_ENCODINGS = ["utf-8", "gb18030"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
}
