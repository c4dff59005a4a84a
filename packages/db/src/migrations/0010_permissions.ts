import { type Kysely, sql } from "kysely";

// App admins and per-form permission sets (issue 6). A set grants actions, per-field levels and an
// optional row condition (json-logic) to its members: users, departments (optionally with their
// sub-departments) and roles. A user's rights on a form are the union of the sets that include them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_admins (
      app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (app_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX app_admins_user_ix ON app_admins (user_id)`.execute(db);

  await sql`
    CREATE TABLE permission_sets (
      id uuid PRIMARY KEY,
      form_id uuid NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('submit', 'submit_own', 'view_all', 'manage_all', 'custom')),
      actions text[] NOT NULL DEFAULT '{}',
      fields jsonb NOT NULL DEFAULT '{}',
      row_condition jsonb,
      sort_order integer NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX permission_sets_form_ix ON permission_sets (form_id, sort_order)`.execute(db);
  await sql`CREATE UNIQUE INDEX permission_sets_name_uq ON permission_sets (form_id, lower(name))`.execute(
    db,
  );

  // Exactly one of user, department or role per row; foreign keys so a deleted user, department or
  // role leaves no dangling grant behind.
  await sql`
    CREATE TABLE permission_set_members (
      set_id uuid NOT NULL REFERENCES permission_sets (id) ON DELETE CASCADE,
      user_id uuid REFERENCES users (id) ON DELETE CASCADE,
      department_id uuid REFERENCES departments (id) ON DELETE CASCADE,
      role_id uuid REFERENCES roles (id) ON DELETE CASCADE,
      include_sub boolean NOT NULL DEFAULT false,
      CHECK (num_nonnulls(user_id, department_id, role_id) = 1),
      CHECK (NOT include_sub OR department_id IS NOT NULL)
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX permission_set_members_uq
      ON permission_set_members (set_id, coalesce(user_id, department_id, role_id))`.execute(db);
  await sql`CREATE INDEX permission_set_members_user_ix ON permission_set_members (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE permission_set_members, permission_sets, app_admins`.execute(db);
}
