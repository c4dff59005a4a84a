import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Rollups dashboards ask for (records/rollups.ts): per form, a table of live-record counts and sums
  // grouped by some of the form's columns, kept current by statement triggers on the form's table.
  // `dims` lists the grouped columns ({column, zone?}: a timestamp is kept as the local day in `zone`).
  await sql`
    CREATE TABLE form_rollups (
      form_id uuid NOT NULL REFERENCES forms (id),
      name text NOT NULL,
      dims jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (form_id, name)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE form_rollups`.execute(db);
}
