import { type Kysely, sql } from "kysely";

// Issue 7 item 5: the socket.io PostgreSQL adapter fans events out with NOTIFY, whose payload is capped
// at 8000 bytes; a larger message (a presence answer naming many users) is stored here and NOTIFY
// carries its id. The adapter deletes rows older than its cleanup interval. Unused on PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE socket_io_attachments (
      id bigserial UNIQUE,
      created_at timestamptz DEFAULT now(),
      payload bytea
    )`.execute(db);
}
