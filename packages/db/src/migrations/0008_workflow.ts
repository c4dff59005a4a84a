import { type Kysely, sql } from "kysely";

// The workflow runtime (DESIGN §3b), in the spirit of Camunda's runtime/history split: immutable flow
// versions; instances pinned to one, whose row is the lock every command takes; node runs (one per
// visit, so a return makes a new one); tasks (one per assignee); timers; an append-only event log; an
// outbox. HTTP command idempotency reuses the platform's `idempotency_keys` (same claim-or-replay code
// as record creation); a timer's own row is its command key (it fires only while still 'pending').
// Node runs, tasks and timers carry the engine's ids; their rows mirror the engine's state (kept whole in
// flow_instances.state) so that inboxes, pollers and reports are plain indexed SQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One per change of a form's flow at publish time; never updated.
  await sql`
    CREATE TABLE flow_versions (
      id uuid PRIMARY KEY,
      form_id uuid NOT NULL REFERENCES forms (id),
      version integer NOT NULL CHECK (version > 0),
      form_version integer NOT NULL,
      definition jsonb NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (form_id, version)
    )`.execute(db);

  // The record's id is the submission id: one instance per submitted record, whatever the retries.
  await sql`
    CREATE TABLE flow_instances (
      id uuid PRIMARY KEY,
      flow_version_id uuid NOT NULL REFERENCES flow_versions (id),
      form_id uuid NOT NULL REFERENCES forms (id),
      record_id uuid NOT NULL UNIQUE,
      initiator uuid,
      status text NOT NULL CHECK (status IN ('running', 'completed', 'rejected', 'withdrawn', 'ended')),
      state jsonb NOT NULL,
      title text NOT NULL DEFAULT '',
      revision integer NOT NULL DEFAULT 0,
      started_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX flow_instances_initiator_ix ON flow_instances (initiator, started_at DESC, id DESC)`.execute(
    db,
  );
  // The reconciler's scan: only running instances.
  await sql`CREATE INDEX flow_instances_running_ix ON flow_instances (updated_at) WHERE status = 'running'`.execute(
    db,
  );

  await sql`
    CREATE TABLE flow_node_runs (
      id text PRIMARY KEY,
      instance_id uuid NOT NULL REFERENCES flow_instances (id) ON DELETE CASCADE,
      node_id text NOT NULL,
      kind text NOT NULL,
      visit integer NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'completed', 'cancelled')),
      outcome text,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      UNIQUE (instance_id, node_id, visit)
    )`.execute(db);

  // One row per assignee (ids are the engine's, "<instance>:<letter><seq>"). A task completes only through
  // UPDATE ... WHERE status = 'pending' AND assignee = $me RETURNING: zero rows is a 409, never a second
  // transition.
  await sql`
    CREATE TABLE flow_tasks (
      id text PRIMARY KEY,
      instance_id uuid NOT NULL REFERENCES flow_instances (id) ON DELETE CASCADE,
      node_run_id text NOT NULL REFERENCES flow_node_runs (id) ON DELETE CASCADE,
      node_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('approval', 'fill', 'cc')),
      assignee uuid NOT NULL,
      origin text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'done', 'cancelled')),
      action text,
      comment text,
      signature jsonb,
      form_id uuid NOT NULL,
      record_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      due_at timestamptz,
      read_at timestamptz
    )`.execute(db);
  // The inboxes, each a partial index in its own order: to do (pending, newest first), done (by when
  // it was done) and CC (a cc task is born 'done'; read_at marks it read).
  await sql`
    CREATE INDEX flow_tasks_todo_ix ON flow_tasks (assignee, created_at DESC, id DESC)
    WHERE status = 'pending' AND kind <> 'cc'`.execute(db);
  await sql`
    CREATE INDEX flow_tasks_done_ix ON flow_tasks (assignee, completed_at DESC, id DESC)
    WHERE status = 'done' AND kind <> 'cc'`.execute(db);
  await sql`
    CREATE INDEX flow_tasks_cc_ix ON flow_tasks (assignee, created_at DESC, id DESC) WHERE kind = 'cc'
  `.execute(db);
  await sql`CREATE INDEX flow_tasks_run_ix ON flow_tasks (node_run_id)`.execute(db);
  await sql`CREATE INDEX flow_tasks_instance_ix ON flow_tasks (instance_id, status)`.execute(db);

  // Due times come from the database clock. Pollers claim due rows with FOR UPDATE SKIP LOCKED; a row
  // fires only while 'pending', in the transaction that applies its command.
  await sql`
    CREATE TABLE flow_timers (
      id text PRIMARY KEY,
      instance_id uuid NOT NULL REFERENCES flow_instances (id) ON DELETE CASCADE,
      node_run_id text NOT NULL,
      kind text NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'fired', 'cancelled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      fired_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX flow_timers_due_ix ON flow_timers (due_at) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX flow_timers_instance_ix ON flow_timers (instance_id) WHERE status = 'pending'`.execute(
    db,
  );

  // Append-only: the timeline UI and the audit read it; nothing updates or deletes a row.
  await sql`
    CREATE TABLE flow_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      instance_id uuid NOT NULL REFERENCES flow_instances (id) ON DELETE CASCADE,
      revision integer NOT NULL,
      action text NOT NULL,
      node_id text,
      node_run_id text,
      task_id text,
      actor text,
      data jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX flow_events_instance_ix ON flow_events (instance_id, id)`.execute(db);

  // Side effects (notifications, automations) leave only through here, after the commit that caused them.
  await sql`
    CREATE TABLE flow_outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      instance_id uuid,
      topic text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      available_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      processed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX flow_outbox_pending_ix ON flow_outbox (available_at) WHERE processed_at IS NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE flow_outbox, flow_events, flow_timers, flow_tasks, flow_node_runs, flow_instances, flow_versions`.execute(
    db,
  );
}
