import { type Kysely, sql } from "kysely";

// Issue 6 items 5-7: scoped API tokens, public links (fill and query) and the audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Existing tokens keep what they could do: write, every app (app_ids NULL).
  await sql`
    ALTER TABLE api_tokens
      ADD COLUMN scope text NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write')),
      ADD COLUMN app_ids uuid[]`.execute(db);

  // A link's token is shown once; only its SHA-256 is stored (like API tokens).
  await sql`
    CREATE TABLE public_links (
      id uuid PRIMARY KEY,
      form_id uuid NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('fill', 'query')),
      name text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
      token_hash text NOT NULL,
      password_hash text,
      expires_at timestamptz,
      max_submissions integer CHECK (max_submissions > 0),
      submissions integer NOT NULL DEFAULT 0,
      query_fields text[] NOT NULL DEFAULT '{}',
      display_fields text[] NOT NULL DEFAULT '{}',
      disabled_at timestamptz,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX public_links_token_uq ON public_links (token_hash)`.execute(db);
  await sql`CREATE INDEX public_links_form_ix ON public_links (form_id, created_at)`.execute(db);

  // Append-only. actor_label keeps who it was after the user is renamed or deleted.
  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      actor_label text NOT NULL DEFAULT '',
      action text NOT NULL,
      target_id text,
      app_id uuid,
      ip text,
      detail jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_ix ON audit_log (at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_ix ON audit_log (actor_id, at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_action_ix ON audit_log (action, at DESC, id DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_log, public_links`.execute(db);
  await sql`ALTER TABLE api_tokens DROP COLUMN scope, DROP COLUMN app_ids`.execute(db);
}
