// Spreadsheet imports. A client of its own rather than a namespace of createClient: the import dialog is
// a lazy chunk of the data page, and this code then stays out of every other page's first download.
import { baseUrlOf, createTransport, path, type Send, type TransportOptions } from "./transport";

export type ImportEncoding = "utf-8" | "gb18030";
export type ImportMode = "insert" | "update" | "upsert";
export type ImportStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface ImportColumnMapping {
  /** 0-based column of the file. */
  column: number;
  fieldId: string;
}

export interface ImportRowError {
  /** The header of the cell at fault, when one is. */
  column?: string;
  message: string;
}

export interface ImportPreviewRow {
  row: number;
  cells: string[];
  errors: ImportRowError[];
}

export interface ImportChoice {
  fileId: string;
  encoding?: ImportEncoding;
  mapping?: ImportColumnMapping[];
  mode?: ImportMode;
  keyField?: string;
}

export interface ImportPreview {
  file: { id: string; name: string; kind: "csv" | "xlsx" };
  encoding: ImportEncoding;
  detectedEncoding: ImportEncoding;
  headers: string[];
  /** Fields a column may fill; `key` ones can find records for update and upsert. */
  fields: { id: string; label: string; type: string; required: boolean; key: boolean }[];
  mapping: ImportColumnMapping[];
  mode: ImportMode;
  keyField: string | null;
  /** Null until the mapping (and, to update, the key) is chosen. */
  preview: {
    totalRows: number;
    errorRowCount: number;
    sample: ImportPreviewRow[];
    errorRows: ImportPreviewRow[];
  } | null;
}

export interface ImportJob {
  id: string;
  formId: string;
  status: ImportStatus;
  fileName: string;
  mode: ImportMode;
  skipBadRows: boolean;
  processed: number;
  total: number;
  inserted: number;
  updated: number;
  rejected: number;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

export function importsApi(send: Send, baseUrl: string) {
  const base = (formId: string) => path`/api/forms/${formId}/imports`;
  const job = (formId: string, jobId: string) => path`/api/forms/${formId}/imports/${jobId}`;
  return {
    /** Reads an uploaded file (see files.upload): encoding, headers, suggested mapping, every row checked. */
    preview: (formId: string, choice: ImportChoice) =>
      send<ImportPreview>({ method: "POST", path: `${base(formId)}/preview`, body: choice }),
    start: (
      formId: string,
      choice: ImportChoice & { mapping: ImportColumnMapping[]; mode: ImportMode; skipBadRows: boolean },
    ) => send<ImportJob>({ method: "POST", path: base(formId), body: choice }),
    get: (formId: string, jobId: string) => send<ImportJob>({ method: "GET", path: job(formId, jobId) }),
    cancel: (formId: string, jobId: string) =>
      send<ImportJob>({ method: "POST", path: `${job(formId, jobId)}/cancel` }),
    /** Where the browser downloads the rejected rows with their errors (CSV). */
    rejectedUrl: (formId: string, jobId: string) => `${baseUrl}${job(formId, jobId)}/rejected`,
  };
}

/** The imports API over its own transport (same options as createClient). */
export function createImportsClient(options: TransportOptions = {}) {
  return importsApi(createTransport(options), baseUrlOf(options));
}

export type ImportsClient = ReturnType<typeof createImportsClient>;
