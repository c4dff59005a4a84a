import { type Kysely, sql } from "kysely";

// Issue 6: a form without any permission set is now closed to ordinary members (as in Jiandaoyun);
// before, it was open to every signed-in member ("manage all"). So that an upgrade changes nobody's
// rights silently, every form that has no set when this runs gets one set, "manage all" for the new
// member kind `all` (全部成员, every member of the company): exactly what its users had. Admins narrow
// or delete it afterwards; forms created from now on start with no set, closed.
//
// `everyone` rows name no user, department or role; at most one per set.
const ALL_ACTIONS = "{view,create,edit,delete,export,import,print,comment}";
const SET_NAME = "全部成员：管理全部数据 (Everyone: manage all)";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE permission_set_members ADD COLUMN everyone boolean NOT NULL DEFAULT false`.execute(
    db,
  );
  // 0010's "exactly one of user, department or role" check has a generated name: find it by its text.
  const { rows } = await sql<{ name: string }>`
    SELECT conname AS name FROM pg_constraint
    WHERE conrelid = 'permission_set_members'::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) LIKE '%num_nonnulls%'`.execute(db);
  for (const { name } of rows) {
    await sql`ALTER TABLE permission_set_members DROP CONSTRAINT ${sql.id(name)}`.execute(db);
  }
  await sql`
    ALTER TABLE permission_set_members ADD CONSTRAINT permission_set_members_one_target
      CHECK (num_nonnulls(user_id, department_id, role_id) + everyone::int = 1)`.execute(db);
  await sql`
    CREATE UNIQUE INDEX permission_set_members_everyone_uq ON permission_set_members (set_id)
      WHERE everyone`.execute(db);

  // One set-based statement: any number of forms in one pass (deleted ones too, should one come back).
  await sql`
    WITH made AS (
      INSERT INTO permission_sets (id, form_id, name, kind, actions, fields, row_condition, sort_order)
      SELECT gen_random_uuid(), f.id, ${SET_NAME}, 'manage_all', ${ALL_ACTIONS}::text[], '{}'::jsonb, NULL, 0
      FROM forms f
      WHERE NOT EXISTS (SELECT 1 FROM permission_sets s WHERE s.form_id = f.id)
      RETURNING id
    )
    INSERT INTO permission_set_members (set_id, everyone) SELECT id, true FROM made`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM permission_set_members WHERE everyone`.execute(db);
  await sql`DROP INDEX permission_set_members_everyone_uq`.execute(db);
  await sql`ALTER TABLE permission_set_members DROP CONSTRAINT permission_set_members_one_target`.execute(db);
  await sql`
    ALTER TABLE permission_set_members
      ADD CHECK (num_nonnulls(user_id, department_id, role_id) = 1)`.execute(db);
  await sql`ALTER TABLE permission_set_members DROP COLUMN everyone`.execute(db);
}
