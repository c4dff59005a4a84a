import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Json, Timestamp } from "../tables";

export type ImportJobStatus = "queued" | "succeeded" | "failed" | "cancelled";

export interface ImportJobsTable {
  id: string;
  form_id: string;
  file_id: string;
  created_by: string;
  status: ColumnType<ImportJobStatus, ImportJobStatus | undefined, ImportJobStatus>;
  /** What the user chose (mapping, mode, key field, encoding...): the server plugin's ImportOptions. */
  options: Json<Record<string, unknown>>;
  total_rows: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  rejected: Generated<number>;
  error: Json<Record<string, unknown>> | null;
  attempts: Generated<number>;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface ImportProgressTable {
  job_id: string;
  processed: Generated<number>;
  total: Generated<number>;
  cancel_requested: Generated<boolean>;
  updated_at: CreatedAt;
}

export interface ImportRejectsTable {
  job_id: string;
  /** 1-based row number in the source sheet (the header is row 1). */
  row_number: number;
  cells: Json<unknown[]>;
  errors: Json<{ column?: string; message: string }[]>;
}

export interface ImportTables {
  import_jobs: ImportJobsTable;
  import_progress: ImportProgressTable;
  import_rejects: ImportRejectsTable;
}
