// The embedded database's opener, in a module of its own so that `createDatabase` imports it (and with it
// PGlite's JavaScript, its WASM loader and the pg_trgm extension) only when no DATABASE_URL is set: a
// server on PostgreSQL never loads them.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely } from "kysely";
import type { Database } from "../database";
import { ErrorMappingDialect } from "../error-mapping-dialect";
import { attachListener, pgliteListener } from "../realtime/listener";
import type { SystemTables } from "../tables";
import { OVERRIDDEN_PARSERS } from "../type-parsers";
import { PGliteDialect } from "./dialect";
import { PGLITE_START_PARAMS } from "./start-params";

export async function openPGlite(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
): Promise<Database> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
    startParams: [...PGLITE_START_PARAMS],
    parsers: OVERRIDDEN_PARSERS,
  });
  const db = new Kysely<SystemTables>({ dialect: new ErrorMappingDialect(new PGliteDialect(pglite)) });
  attachListener(db, pgliteListener(db, pglite));
  return { db, kind: "pglite", close: () => db.destroy(), snapshot: () => pglite.dumpDataDir("none") };
}
