import { type Kysely, sql } from "kysely";

// Every step rewrites its instance's row (state, revision, updated_at). flow_instances_running_ix was
// keyed on updated_at, so each such update changed an indexed column and inserted a new entry into all
// four of the table's indexes. Nothing reads running instances in updated_at order — the reconciler
// only needs which ones run — so the index is keyed on id: a step that keeps the instance running (a
// reminder, an approval that moves on to the next node, a transfer, an added signer) changes no indexed
// column, and with room left on its page (fillfactor 70: an instance row is 1-2 KB, a few to a page) it
// stays there as a HOT update. ALTER TABLE ... SET (fillfactor) rewrites nothing: it applies to pages
// written from now on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX flow_instances_running_ix`.execute(db);
  await sql`CREATE INDEX flow_instances_running_ix ON flow_instances (id) WHERE status = 'running'`.execute(
    db,
  );
  await sql`ALTER TABLE flow_instances SET (fillfactor = 70)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE flow_instances RESET (fillfactor)`.execute(db);
  await sql`DROP INDEX flow_instances_running_ix`.execute(db);
  await sql`CREATE INDEX flow_instances_running_ix ON flow_instances (updated_at) WHERE status = 'running'`.execute(
    db,
  );
}
