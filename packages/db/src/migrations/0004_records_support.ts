import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE serial_counters (
      form_id uuid NOT NULL REFERENCES forms (id),
      field text NOT NULL,
      period text NOT NULL,
      value integer NOT NULL,
      PRIMARY KEY (form_id, field, period)
    )`.execute(db);

  // Append-only: the repository only ever inserts (and purges with the record).
  await sql`
    CREATE TABLE revisions (
      id uuid PRIMARY KEY,
      form_id uuid NOT NULL REFERENCES forms (id),
      record_id uuid NOT NULL,
      version integer NOT NULL,
      actor uuid,
      at timestamptz NOT NULL DEFAULT now(),
      action text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
      diff jsonb NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX revisions_record_ix ON revisions (record_id, version)`.execute(db);

  await sql`
    CREATE TABLE files (
      id uuid PRIMARY KEY,
      form_id uuid REFERENCES forms (id),
      record_id uuid,
      field text,
      name text NOT NULL,
      mime text NOT NULL,
      size integer NOT NULL CHECK (size >= 0),
      sha256 text NOT NULL,
      storage_path text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX files_record_ix ON files (record_id)`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (scope, key)
    )`.execute(db);
  await sql`CREATE INDEX idempotency_keys_expires_ix ON idempotency_keys (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idempotency_keys, files, revisions, serial_counters`.execute(db);
}
