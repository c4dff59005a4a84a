import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Saved grid views of a form. A personal view is seen by its owner only; a shared one by everyone who
  // may read the form (and changed by its designers). Names are unique among what one person sees side
  // by side: the shared views of a form, and one owner's personal views of it.
  await sql`
    CREATE TABLE views (
      id uuid PRIMARY KEY,
      form_id uuid NOT NULL REFERENCES forms (id),
      name text NOT NULL,
      shared boolean NOT NULL DEFAULT false,
      owner_id uuid NOT NULL REFERENCES users (id),
      filter jsonb,
      sort jsonb NOT NULL DEFAULT '[]',
      columns jsonb NOT NULL DEFAULT '[]',
      page_size integer NOT NULL DEFAULT 50 CHECK (page_size BETWEEN 1 AND 1000),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX views_form_ix ON views (form_id, owner_id)`.execute(db);
  await sql`CREATE UNIQUE INDEX views_shared_name_uq ON views (form_id, lower(name)) WHERE shared`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX views_personal_name_uq ON views (form_id, owner_id, lower(name)) WHERE NOT shared`.execute(
    db,
  );

  // Indexes asked for by saved views, one row per index of a form's table: PostgreSQL builds them with
  // CREATE INDEX CONCURRENTLY outside any transaction, so the row is what makes a build visible, claimed
  // by one worker at a time, and retried after a failure.
  await sql`
    CREATE TABLE form_indexes (
      form_id uuid NOT NULL REFERENCES forms (id),
      name text NOT NULL,
      columns text[] NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'building', 'ready', 'failed')),
      error text,
      attempts integer NOT NULL DEFAULT 0,
      claimed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (form_id, name)
    )`.execute(db);
  await sql`CREATE INDEX form_indexes_open_ix ON form_indexes (status) WHERE status <> 'ready'`.execute(db);

  // Bumped when a published version's storage changes without a new version (an index added for a
  // view): caches of the published form key on it, so every instance sees the new index at once.
  await sql`ALTER TABLE forms ADD COLUMN storage_revision integer NOT NULL DEFAULT 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE forms DROP COLUMN storage_revision`.execute(db);
  await sql`DROP TABLE form_indexes, views`.execute(db);
}
