import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Kysely } from "kysely";
import pg from "pg";
import { ErrorMappingDialect } from "./error-mapping-dialect";
import { PgPoolDialect } from "./pg/dialect";
import { seedFromTemplate } from "./pglite/template";
import { attachListener, PgListener } from "./realtime/listener";
import type { SystemTables } from "./tables";
import { OVERRIDDEN_PARSERS } from "./type-parsers";

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite's data directory; without it (and without `url`) the database lives in memory. */
  dataDir?: string;
  /** PostgreSQL only: run in this schema (search_path `<schema>, public`). Must already exist. */
  schema?: string;
  /** PostgreSQL only: pool size (default 10). */
  poolSize?: number;
  /**
   * PostgreSQL only: send the record insert as a named prepared statement (default true). Turn off
   * behind a connection pooler that cannot keep prepared statements (PgBouncer before 1.21).
   */
  preparedStatements?: boolean;
  /** PostgreSQL only: shown in pg_stat_activity (default "formwork"). */
  applicationName?: string;
  /** PGlite only: start from this data directory snapshot (`dumpDataDir()`), e.g. a migrated template. */
  loadDataDir?: Blob;
  /**
   * PGlite only: a closed data directory to copy into `dataDir` when that holds no database yet, instead
   * of running initdb (see `createPGliteTemplate`).
   */
  template?: string;
}

export interface Database {
  db: Kysely<SystemTables>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (to start other instances from). */
  snapshot: (() => Promise<Blob>) | null;
}

/** Opens the database. Run `migrateToLatest(db)` before use. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options);
  if (options.dataDir && options.template) await seedFromTemplate(options.dataDir, options.template);
  return openPGlite(options.dataDir, options.loadDataDir);
}

/**
 * Runs initdb into `dir` (which must not hold a database) and closes it cleanly, so a later start that
 * copies it neither runs initdb nor recovers: the `template` of `createDatabase`. No migrations: they
 * run at start as usual, so the template never goes stale when migrations are added.
 */
export async function createPGliteTemplate(dir: string): Promise<void> {
  const { close } = await openPGlite(dir, undefined);
  await close();
  // PGlite leaves its single-user lock file behind; a copy must not start with another's lock.
  await rm(join(dir, "postmaster.pid"), { force: true });
}

/** PGlite's code is loaded at the first use: a server on PostgreSQL never needs it. */
async function openPGlite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const { openPGlite: open } = await import("./pglite/open");
  return open(dataDir, loadDataDir);
}

const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    return OVERRIDDEN_PARSERS[oid] ?? pg.types.getTypeParser(oid, format ?? "text");
  },
};

function openPostgres(url: string, options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: options.applicationName ?? "formwork",
    max: options.poolSize ?? 10,
    // A down database must answer 503 quickly rather than hang requests.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: pgTypes,
    ...(options.schema ? { options: `-c search_path=${quoteSchema(options.schema)},public` } : {}),
  });
  // An idle client losing its server (a restart) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const db = new Kysely<SystemTables>({
    dialect: new ErrorMappingDialect(new PgPoolDialect(pool, options.preparedStatements ?? true)),
  });
  // LISTEN needs a connection of its own (search_path does not matter: channels are per database).
  const listener = new PgListener({ connectionString: url, connectionTimeoutMillis: 5_000 });
  attachListener(db, listener);
  return {
    db,
    kind: "postgres",
    close: async () => {
      await listener.close();
      await db.destroy();
    },
    snapshot: null,
  };
}

function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Unsafe schema name: ${schema}`);
  return schema;
}
