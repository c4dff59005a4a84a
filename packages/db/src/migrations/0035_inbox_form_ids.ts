import { type Kysely, sql } from "kysely";

// The inboxes leave out the flows of deleted forms (a form or its app deleted), so their counts filter
// on the task's (or instance's) form_id. The box indexes carry it (INCLUDE) so that a count stays an
// index-only scan of the user's entries — without it every counted task was a heap visit (36,000 pending
// tasks of one user: ~12 ms instead of a few).
const INDEXES = [
  [
    "flow_tasks_todo_ix",
    "flow_tasks (assignee, created_at DESC, id DESC)",
    "WHERE status = 'pending' AND kind <> 'cc'",
  ],
  [
    "flow_tasks_done_ix",
    "flow_tasks (assignee, completed_at DESC, id DESC)",
    "WHERE status = 'done' AND kind <> 'cc'",
  ],
  ["flow_tasks_cc_ix", "flow_tasks (assignee, created_at DESC, id DESC)", "WHERE kind = 'cc'"],
  ["flow_instances_initiator_ix", "flow_instances (initiator, started_at DESC, id DESC)", ""],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, on, where] of INDEXES) {
    await sql.raw(`DROP INDEX ${name}`).execute(db);
    await sql.raw(`CREATE INDEX ${name} ON ${on} INCLUDE (form_id) ${where}`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name, on, where] of INDEXES) {
    await sql.raw(`DROP INDEX ${name}`).execute(db);
    await sql.raw(`CREATE INDEX ${name} ON ${on} ${where}`).execute(db);
  }
}
