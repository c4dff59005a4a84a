import { type Kysely, sql } from "kysely";

// Dashboards (仪表盘) of an app: a title and the definition JSON (packages/schema/src/dashboard), a
// version for If-Match, soft deletion like forms.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dashboards (
      id uuid PRIMARY KEY,
      app_id uuid NOT NULL REFERENCES apps (id),
      title text NOT NULL,
      definition jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX dashboards_app_ix ON dashboards (app_id, created_at) WHERE deleted_at IS NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE dashboards`.execute(db);
}
