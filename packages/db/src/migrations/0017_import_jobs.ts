import { type Kysely, sql } from "kysely";

// Spreadsheet imports (issue 8): a job per import, run by a background worker. A worker claims a queued
// job by locking its row (FOR UPDATE SKIP LOCKED) in the transaction that writes the records and marks
// the job finished, so the row lock is the proof of life: a crashed worker's transaction rolls back and
// the job is queued again with nothing written. Progress lives in its own row (written outside that
// transaction, so pollers see it live without waiting on the job's lock); rejected rows keep the
// source cells and their errors for the download.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_jobs (
      id uuid PRIMARY KEY,
      form_id uuid NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      file_id uuid NOT NULL REFERENCES files (id) ON DELETE CASCADE,
      created_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'succeeded', 'failed', 'cancelled')),
      options jsonb NOT NULL,
      total_rows integer NOT NULL DEFAULT 0,
      inserted integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      rejected integer NOT NULL DEFAULT 0,
      error jsonb,
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX import_jobs_queued_ix ON import_jobs (created_at) WHERE status = 'queued'`.execute(
    db,
  );
  await sql`CREATE INDEX import_jobs_form_ix ON import_jobs (form_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE import_progress (
      job_id uuid PRIMARY KEY REFERENCES import_jobs (id) ON DELETE CASCADE,
      processed integer NOT NULL DEFAULT 0,
      total integer NOT NULL DEFAULT 0,
      cancel_requested boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE import_rejects (
      job_id uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
      row_number integer NOT NULL,
      cells jsonb NOT NULL,
      errors jsonb NOT NULL,
      PRIMARY KEY (job_id, row_number)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE import_rejects, import_progress, import_jobs`.execute(db);
}
