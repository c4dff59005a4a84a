import { type Kysely, sql } from "kysely";

// An app's look (icon and colour picked by an administrator) and its form menu (groups and order), and
// a revision counter on form drafts so two designers never overwrite each other silently.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE apps
      ADD COLUMN icon text,
      ADD COLUMN colour text CHECK (colour ~ '^#[0-9a-f]{6}$'),
      ADD COLUMN menu jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN menu_revision integer NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE forms ADD COLUMN draft_revision integer NOT NULL DEFAULT 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE forms DROP COLUMN draft_revision`.execute(db);
  await sql`ALTER TABLE apps DROP COLUMN icon, DROP COLUMN colour, DROP COLUMN menu, DROP COLUMN menu_revision`.execute(
    db,
  );
}
