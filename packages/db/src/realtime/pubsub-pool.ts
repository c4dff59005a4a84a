// The small pg pool the socket.io PostgreSQL adapter runs on: one client held for LISTEN, the others for
// NOTIFY and its attachments table. Kept apart from the query pool so a busy request load never starves
// the fan-out of events (and LISTEN never holds a request's connection).
import pg from "pg";

export interface PubSubPoolOptions {
  url: string;
  /** The schema whose `socket_io_attachments` table to use (tests run one schema per database). */
  schema?: string;
}

export function createPubSubPool({ url, schema }: PubSubPoolOptions): pg.Pool {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Unsafe schema: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    application_name: "formwork-realtime",
    max: 4,
    connectionTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // A lost idle client (a database restart) must not crash the process; the adapter reconnects.
  pool.on("error", () => {});
  return pool;
}
