import { type Kysely, sql } from "kysely";

// The organisation: a department tree whose heads give the manager chain, memberships (a member may
// belong to several departments, exactly one of them primary), roles in role groups, and invite links.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE departments (
      id uuid PRIMARY KEY,
      parent_id uuid REFERENCES departments (id) ON DELETE RESTRICT,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS DISTINCT FROM id)
    )`.execute(db);
  // Siblings have distinct names (roots too: NULL parents compare equal through the coalesce).
  await sql`
    CREATE UNIQUE INDEX departments_sibling_name_uq
      ON departments ((coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid)), name)`.execute(db);
  await sql`CREATE INDEX departments_parent_ix ON departments (parent_id, sort_order)`.execute(db);

  // Heads are members with is_head: a head always belongs to the department they lead.
  await sql`
    CREATE TABLE department_members (
      department_id uuid NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      is_primary boolean NOT NULL DEFAULT false,
      is_head boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (department_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX department_members_user_ix ON department_members (user_id)`.execute(db);
  await sql`
    CREATE UNIQUE INDEX department_members_primary_uq ON department_members (user_id) WHERE is_primary
  `.execute(db);
  await sql`
    CREATE INDEX department_members_head_ix ON department_members (department_id) WHERE is_head
  `.execute(db);

  await sql`
    CREATE TABLE role_groups (
      id uuid PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX role_groups_name_uq ON role_groups (name)`.execute(db);
  await sql`
    CREATE TABLE roles (
      id uuid PRIMARY KEY,
      group_id uuid NOT NULL REFERENCES role_groups (id) ON DELETE RESTRICT,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX roles_group_name_uq ON roles (group_id, name)`.execute(db);
  await sql`
    CREATE TABLE user_roles (
      role_id uuid NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (role_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX user_roles_user_ix ON user_roles (user_id)`.execute(db);

  // An invited member has no password yet (empty hash: no login can match it).
  await sql`ALTER TABLE users ADD COLUMN invited boolean NOT NULL DEFAULT false`.execute(db);
  // The directory's search: substring match on name and email, Chinese included.
  await sql`
    CREATE INDEX users_search_trgm_ix ON users USING gin ((name || ' ' || email) gin_trgm_ops)
  `.execute(db);
  await sql`
    CREATE TABLE invites (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token_hash text NOT NULL,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX invites_token_hash_uq ON invites (token_hash)`.execute(db);
  await sql`CREATE INDEX invites_user_ix ON invites (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE invites, user_roles, roles, role_groups, department_members, departments`.execute(db);
  await sql`DROP INDEX users_search_trgm_ix`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN invited`.execute(db);
}
