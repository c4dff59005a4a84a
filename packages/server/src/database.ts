// The database handle the server is built on. Platform tables are typed; per-form record tables are
// reached through the db package's records repository.
import type { SystemTables } from "@formwork/db";
import type { Kysely } from "kysely";

export type Db = Kysely<SystemTables>;
export type DatabaseKind = "pglite" | "postgres";
