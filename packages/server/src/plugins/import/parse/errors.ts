// The refusals a file can earn while it is read: each a stable code with a pointer at the request part
// to blame (`/fileId` for the file's content, `/encoding` for a chosen encoding) and a detail code
// that says which limit or check it was.
import { FormworkError } from "@formwork/schema";

export function fileInvalid(message: string, code: string, path = "/fileId"): FormworkError {
  return new FormworkError("IMPORT_FILE_INVALID", message, [{ path, message, code }]);
}

export function tooLarge(message: string, code: string): FormworkError {
  return new FormworkError("IMPORT_TOO_LARGE", message, [{ path: "/fileId", message, code }]);
}

export function cellTooLong(row: number, column: number, limit: number): FormworkError {
  return tooLarge(
    `Row ${row}, column ${column + 1} holds more than ${limit} characters (Excel's own cell limit)`,
    "CELL_TOO_LONG",
  );
}

export function tooManyRows(limit: number): FormworkError {
  return tooLarge(
    `The file has more than ${limit} data rows; split it into files of at most ${limit} rows`,
    "TOO_MANY_ROWS",
  );
}

export function tooManyColumns(limit: number): FormworkError {
  return tooLarge(`The file has more than ${limit} columns`, "TOO_MANY_COLUMNS");
}
