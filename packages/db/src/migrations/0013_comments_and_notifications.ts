import { type Kysely, sql } from "kysely";

// Comments on records and the in-app notification centre (issue 7). A comment points at its record by
// form and record id (record tables are per form, so no foreign key to the record; purging a record's
// form removes its comments). Notifications are per recipient; the centre reads unread and recent ones
// of one user, newest first, so the index leads with the user and the read flag.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE comments (
      id uuid PRIMARY KEY,
      form_id uuid NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      record_id uuid NOT NULL,
      author_id uuid REFERENCES users (id) ON DELETE SET NULL,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
      mentions uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      edited_at timestamptz,
      deleted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX comments_record_ix ON comments (form_id, record_id, created_at, id)`.execute(db);

  // A bigint identity: the order notifications were written in, which the centre's cursor pages by.
  await sql`
    CREATE TABLE notifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('task_assigned', 'cc', 'mention', 'automation', 'deadline_reminder',
        'urge', 'flow_finished')),
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      title text,
      payload jsonb NOT NULL DEFAULT '{}',
      link text,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX notifications_user_ix ON notifications (user_id, read_at, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE notifications, comments`.execute(db);
}
