import { type Kysely, sql } from "kysely";

// The transactional outbox (issue 7): external effects (webhook calls, emails) are rows written in the
// transaction of the change that causes them, so a rolled-back write sends nothing and a committed one
// is sent at least once by the dispatcher, which any number of server processes run (claims use
// FOR UPDATE SKIP LOCKED and a lease in `available_at`). Every attempt leaves a row in outbox_attempts.
// Webhook subscriptions per app; the secret is kept to sign payloads (HMAC needs the key itself).
// Email copies of notifications: a statement trigger on notifications enqueues one per row whose
// recipient opted in, so every writer of notifications (comments, the workflow's CTEs) is covered.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE webhooks (
      id uuid PRIMARY KEY,
      app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
      secret text NOT NULL,
      events text[] NOT NULL DEFAULT '{}',
      form_ids uuid[] NOT NULL DEFAULT '{}',
      enabled boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX webhooks_app_ix ON webhooks (app_id) WHERE enabled`.execute(db);

  await sql`
    CREATE TABLE outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('webhook', 'email')),
      target text NOT NULL,
      payload jsonb NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      event text,
      app_id uuid REFERENCES apps (id) ON DELETE CASCADE,
      webhook_id uuid REFERENCES webhooks (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 8 CHECK (max_attempts BETWEEN 1 AND 50),
      available_at timestamptz NOT NULL DEFAULT now(),
      last_status_code integer,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX outbox_due_ix ON outbox (available_at) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX outbox_webhook_ix ON outbox (webhook_id, created_at DESC) WHERE webhook_id IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE outbox_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      outbox_id uuid NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
      attempt integer NOT NULL,
      started_at timestamptz NOT NULL,
      duration_ms integer NOT NULL,
      status_code integer,
      error text,
      response_snippet text
    )`.execute(db);
  await sql`CREATE INDEX outbox_attempts_outbox_ix ON outbox_attempts (outbox_id, id)`.execute(db);

  await sql`
    CREATE TABLE user_notification_settings (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      email boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE FUNCTION notifications_email_copy() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO outbox (kind, target, payload, idempotency_key, event)
      SELECT 'email', u.email, jsonb_build_object('notificationId', n.id), 'notification-email:' || n.id,
             'notification.' || n.kind
      FROM new_notifications n
      JOIN user_notification_settings s ON s.user_id = n.user_id AND s.email
      JOIN users u ON u.id = n.user_id AND NOT u.disabled
      ON CONFLICT (idempotency_key) DO NOTHING;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER notifications_email_copy AFTER INSERT ON notifications
    REFERENCING NEW TABLE AS new_notifications
    FOR EACH STATEMENT EXECUTE FUNCTION notifications_email_copy()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER notifications_email_copy ON notifications`.execute(db);
  await sql`DROP FUNCTION notifications_email_copy()`.execute(db);
  await sql`DROP TABLE user_notification_settings, outbox_attempts, outbox, webhooks`.execute(db);
}
