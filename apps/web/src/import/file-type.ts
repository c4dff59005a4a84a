// Browsers label CSV files inconsistently (Windows says application/vnd.ms-excel); the upload endpoint
// accepts exact spreadsheet types only, so the file is re-labelled by its extension before it is sent.
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function importTypeOf(name: string): string | null {
  if (/\.xlsx$/i.test(name)) return XLSX_TYPE;
  if (/\.csv$/i.test(name)) return "text/csv";
  return null;
}
