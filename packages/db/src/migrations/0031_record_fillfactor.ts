import { type Kysely, sql } from "kysely";

// Record tables leave 15 % of each page free (publish.ts, RECORD_TABLE_FILLFACTOR), so an update that
// changes no indexed column — a flow's flow_status above all — stays on its page as a HOT update and
// re-indexes nothing (the trigram search index was most of a timer batch's record update). This sets the
// same on the record tables published before. ALTER TABLE ... SET (fillfactor) rewrites nothing: it
// applies to pages written from now on (new rows, and pages a VACUUM FULL or CLUSTER rewrites); the pages
// already full stay full until their rows move or are pruned. Sub-form tables keep the default (nothing
// updates their rows in place often enough to pay for the space).
export async function up(db: Kysely<unknown>): Promise<void> {
  await alterRecordTables(db, "SET (fillfactor = 85)");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await alterRecordTables(db, "RESET (fillfactor)");
}

/** `ALTER TABLE <record table> <change>` for every form's record table that exists. */
async function alterRecordTables(db: Kysely<unknown>, change: string): Promise<void> {
  await sql`
    DO $$
    DECLARE t text;
    BEGIN
      FOR t IN SELECT f.table_name FROM forms f
               WHERE f.table_name IS NOT NULL AND to_regclass(quote_ident(f.table_name)) IS NOT NULL
      LOOP
        EXECUTE format('ALTER TABLE %I ${sql.raw(change)}', t);
      END LOOP;
    END $$`.execute(db);
}
