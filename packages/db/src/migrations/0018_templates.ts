import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Which template (name and version) an app was installed from, the bundle as installed (an upgrade
  // diffs against it) and how the bundle's placeholders were mapped (so an upgrade names the same
  // roles, departments and members). One row per app; an app made by hand has none.
  await sql`
    CREATE TABLE app_templates (
      app_id uuid PRIMARY KEY REFERENCES apps (id),
      template text NOT NULL,
      version text NOT NULL,
      source text NOT NULL CHECK (source IN ('gallery', 'import')),
      bundle jsonb NOT NULL,
      placeholders jsonb NOT NULL DEFAULT '{}',
      installed_by uuid REFERENCES users (id),
      installed_at timestamptz NOT NULL DEFAULT now(),
      upgraded_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX app_templates_template_ix ON app_templates (template)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE app_templates`.execute(db);
}
