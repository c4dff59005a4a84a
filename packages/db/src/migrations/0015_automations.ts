import { type Kysely, sql } from "kysely";

// Automations of an app (issue 7). A definition is JSON (packages/schema automation); the trigger form
// and trigger type are columns so the write path finds a form's enabled automations with one indexed
// query. Schedule and date triggers have next_run_at, claimed by pollers with FOR UPDATE SKIP LOCKED.
// Runs are the run log (trigger, inputs, each action's outcome, error). A date trigger fires once per
// record per date value: the (automation, record, date) row is claimed before the actions run.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE automations (
      id uuid PRIMARY KEY,
      app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      key text NOT NULL,
      form_id uuid NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      trigger_type text NOT NULL,
      definition jsonb NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      next_run_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (app_id, key)
    )`.execute(db);
  await sql`CREATE INDEX automations_form_ix ON automations (form_id) WHERE enabled`.execute(db);
  await sql`CREATE INDEX automations_due_ix ON automations (next_run_at)
    WHERE enabled AND next_run_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE automation_runs (
      id uuid PRIMARY KEY,
      automation_id uuid NOT NULL REFERENCES automations (id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
      trigger jsonb NOT NULL,
      inputs jsonb NOT NULL DEFAULT '{}',
      outcomes jsonb NOT NULL DEFAULT '[]',
      error text,
      depth integer NOT NULL DEFAULT 0,
      retry_of uuid REFERENCES automation_runs (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX automation_runs_ix ON automation_runs (automation_id, created_at DESC, id DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE automation_date_fires (
      automation_id uuid NOT NULL REFERENCES automations (id) ON DELETE CASCADE,
      record_id uuid NOT NULL,
      date_value text NOT NULL,
      fired_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (automation_id, record_id, date_value)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE automation_date_fires, automation_runs, automations`.execute(db);
}
