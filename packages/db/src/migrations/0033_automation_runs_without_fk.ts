import { type Kysely, sql } from "kysely";

// The foreign key from automation_runs to automations made PostgreSQL check the automation's row for
// every run logged: a look-up and a FOR KEY SHARE lock on one row that every concurrent submission of
// the form's automation shares (multixact bookkeeping), as the forms key on revisions did (0009). Runs
// now go with their automation through a statement trigger instead of ON DELETE CASCADE — an
// automation deleted by itself, with its form or with its app — so the cleanup is kept, once per
// deleting statement rather than once per logged run. A run logged by a transaction that commits after
// its automation's delete stays behind, unreachable (runs are only read through their automation).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE automation_runs DROP CONSTRAINT IF EXISTS automation_runs_automation_id_fkey`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION automation_runs_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM automation_runs WHERE automation_id IN (SELECT id FROM deleted_automations);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER automation_runs_forget AFTER DELETE ON automations
    REFERENCING OLD TABLE AS deleted_automations
    FOR EACH STATEMENT EXECUTE FUNCTION automation_runs_forget()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER automation_runs_forget ON automations`.execute(db);
  await sql`DROP FUNCTION automation_runs_forget()`.execute(db);
  await sql`DELETE FROM automation_runs r WHERE NOT EXISTS (SELECT 1 FROM automations a WHERE a.id = r.automation_id)`.execute(
    db,
  );
  await sql`ALTER TABLE automation_runs ADD CONSTRAINT automation_runs_automation_id_fkey
    FOREIGN KEY (automation_id) REFERENCES automations (id) ON DELETE CASCADE`.execute(db);
}
