import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE apps (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      description text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE forms (
      id uuid PRIMARY KEY,
      app_id uuid NOT NULL REFERENCES apps (id),
      key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*$'),
      definition jsonb NOT NULL,
      published_version integer NOT NULL DEFAULT 0,
      table_name text UNIQUE,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )`.execute(db);
  // A deleted form frees its key for a new one.
  await sql`CREATE UNIQUE INDEX forms_app_key_uq ON forms (app_id, key) WHERE deleted_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE form_versions (
      form_id uuid NOT NULL REFERENCES forms (id),
      version integer NOT NULL CHECK (version > 0),
      definition jsonb NOT NULL,
      storage jsonb NOT NULL DEFAULT '{}',
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (form_id, version)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE form_versions, forms, apps`.execute(db);
}
