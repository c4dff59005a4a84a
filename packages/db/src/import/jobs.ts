// Import jobs: queued by a request, claimed by a worker with FOR UPDATE SKIP LOCKED inside the
// transaction that does the work (see migration 0017), finished in that same transaction.
import { type Kysely, sql } from "kysely";
import { json, type SystemTables } from "../tables";
import type { ImportJobStatus } from "./tables";

type Db = Kysely<SystemTables>;

export interface ImportJobRow {
  id: string;
  formId: string;
  fileId: string;
  createdBy: string;
  status: ImportJobStatus;
  options: Record<string, unknown>;
  totalRows: number;
  inserted: number;
  updated: number;
  rejected: number;
  error: Record<string, unknown> | null;
  attempts: number;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ImportProgressRow {
  processed: number;
  total: number;
  cancelRequested: boolean;
  updatedAt: Date;
}

type JobSelect = {
  id: string;
  form_id: string;
  file_id: string;
  created_by: string;
  status: ImportJobStatus;
  options: Record<string, unknown>;
  total_rows: number;
  inserted: number;
  updated: number;
  rejected: number;
  error: Record<string, unknown> | null;
  attempts: number;
  created_at: Date;
  finished_at: Date | null;
};

function toJob(row: JobSelect): ImportJobRow {
  return {
    id: row.id,
    formId: row.form_id,
    fileId: row.file_id,
    createdBy: row.created_by,
    status: row.status,
    options: row.options,
    totalRows: row.total_rows,
    inserted: row.inserted,
    updated: row.updated,
    rejected: row.rejected,
    error: row.error,
    attempts: row.attempts,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export async function insertImportJob(
  db: Db,
  job: { id: string; formId: string; fileId: string; createdBy: string; options: Record<string, unknown> },
): Promise<ImportJobRow> {
  const row = await db
    .insertInto("import_jobs")
    .values({
      id: job.id,
      form_id: job.formId,
      file_id: job.fileId,
      created_by: job.createdBy,
      options: json(job.options),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toJob(row as JobSelect);
}

export async function findImportJob(db: Db, id: string): Promise<ImportJobRow | null> {
  const row = await db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toJob(row as JobSelect) : null;
}

/**
 * Locks the oldest queued job for the caller's transaction, skipping jobs other workers hold. The lock
 * lasts until that transaction ends: while it runs nobody else claims the job, and if the process dies
 * the lock goes with it and the job is claimable again. NO KEY UPDATE, so progress rows (whose foreign
 * key takes a KEY SHARE lock on the job) can still be written from outside the transaction.
 */
export async function claimQueuedImportJob(tx: Db): Promise<ImportJobRow | null> {
  const { rows } = await sql<JobSelect>`
    SELECT * FROM import_jobs WHERE status = 'queued'
    ORDER BY created_at LIMIT 1
    FOR NO KEY UPDATE SKIP LOCKED`.execute(tx);
  const row = rows[0];
  if (!row) return null;
  await tx
    .updateTable("import_jobs")
    .set({ attempts: row.attempts + 1 })
    .where("id", "=", row.id)
    .execute();
  return toJob({ ...row, attempts: row.attempts + 1 });
}

export async function finishImportJob(
  tx: Db,
  id: string,
  result: {
    status: Exclude<ImportJobStatus, "queued">;
    totalRows: number;
    inserted: number;
    updated: number;
    rejected: number;
    error?: Record<string, unknown> | null;
  },
): Promise<void> {
  await tx
    .updateTable("import_jobs")
    .set({
      status: result.status,
      total_rows: result.totalRows,
      inserted: result.inserted,
      updated: result.updated,
      rejected: result.rejected,
      error: result.error ? json(result.error) : null,
      finished_at: sql`now()`,
    })
    .where("id", "=", id)
    .execute();
}

/** Cancels a job that no worker holds yet; false when it is running (or already finished). */
export async function cancelQueuedImportJob(db: Db, id: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    UPDATE import_jobs SET status = 'cancelled', finished_at = now()
    WHERE id = (SELECT id FROM import_jobs WHERE id = ${id} AND status = 'queued' FOR UPDATE SKIP LOCKED)
    RETURNING id`.execute(db);
  return rows.length > 0;
}

/** Writes a running job's progress (outside its transaction); also how a cancel request reaches it. */
export async function saveImportProgress(
  db: Db,
  jobId: string,
  progress: { processed: number; total: number; cancelRequested?: boolean },
): Promise<{ cancelRequested: boolean }> {
  const row = await db
    .insertInto("import_progress")
    .values({
      job_id: jobId,
      processed: progress.processed,
      total: progress.total,
      cancel_requested: progress.cancelRequested ?? false,
    })
    .onConflict((c) =>
      c.column("job_id").doUpdateSet({
        processed: progress.processed,
        total: progress.total,
        updated_at: sql`now()`,
        ...(progress.cancelRequested ? { cancel_requested: true } : {}),
      }),
    )
    .returning("cancel_requested")
    .executeTakeFirstOrThrow();
  return { cancelRequested: row.cancel_requested };
}

export async function findImportProgress(db: Db, jobId: string): Promise<ImportProgressRow | null> {
  const row = await db
    .selectFrom("import_progress")
    .selectAll()
    .where("job_id", "=", jobId)
    .executeTakeFirst();
  return row
    ? {
        processed: row.processed,
        total: row.total,
        cancelRequested: row.cancel_requested,
        updatedAt: row.updated_at,
      }
    : null;
}

export interface ImportReject {
  rowNumber: number;
  cells: unknown[];
  errors: { column?: string; message: string }[];
}

export async function insertImportRejects(db: Db, jobId: string, rejects: readonly ImportReject[]) {
  for (let i = 0; i < rejects.length; i += 500) {
    await db
      .insertInto("import_rejects")
      .values(
        rejects.slice(i, i + 500).map((r) => ({
          job_id: jobId,
          row_number: r.rowNumber,
          cells: json(r.cells),
          errors: json(r.errors),
        })),
      )
      .execute();
  }
}

/** A page of a job's rejected rows in row order (keyset by row number, for streaming downloads). */
export async function listImportRejects(
  db: Db,
  jobId: string,
  afterRow: number,
  limit: number,
): Promise<ImportReject[]> {
  const rows = await db
    .selectFrom("import_rejects")
    .select(["row_number", "cells", "errors"])
    .where("job_id", "=", jobId)
    .where("row_number", ">", afterRow)
    .orderBy("row_number")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ rowNumber: r.row_number, cells: r.cells, errors: r.errors }));
}
