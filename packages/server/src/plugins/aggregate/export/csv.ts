// RFC 4180 CSV lines: a field is quoted when it holds a comma, quote, CR or LF, quotes doubled. The file
// starts with a UTF-8 byte order mark so Excel (notably Chinese Excel, which otherwise assumes GBK)
// opens it as UTF-8.
import type { Cell } from "./cells";

export const UTF8_BOM = "\uFEFF";

function field(cell: Cell): string {
  if (cell === null) return "";
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(field).join(",")}\r\n`;
}
