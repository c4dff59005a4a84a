import { type Kysely, sql } from "kysely";

// The foreign key from revisions to forms made PostgreSQL check the form row for every revision
// written: one lookup and a FOR KEY SHARE row lock per created record, all on the same forms row, so
// concurrent creates of one form queued on multixact bookkeeping and a 1,000-record batch paid 1,000
// checks. Forms are never deleted (only marked deleted_at), so the key protected nothing; the insert
// statement checks the form itself (its published-version guard).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE revisions DROP CONSTRAINT IF EXISTS revisions_form_id_fkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE revisions ADD CONSTRAINT revisions_form_id_fkey FOREIGN KEY (form_id) REFERENCES forms (id)`.execute(
    db,
  );
}
