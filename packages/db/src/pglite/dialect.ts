import type { PGlite } from "@electric-sql/pglite";
import type { Driver } from "kysely";
import { PostgresFamilyDialect } from "../postgres-family-dialect";
import { PGliteDriver } from "./driver";

/** Kysely over an embedded PGlite: PostgreSQL's SQL, a driver that talks to the WASM backend. */
export class PGliteDialect extends PostgresFamilyDialect {
  constructor(private readonly pglite: PGlite) {
    super();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
}
