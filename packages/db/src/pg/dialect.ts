import type { Driver } from "kysely";
import type pg from "pg";
import { PostgresFamilyDialect } from "../postgres-family-dialect";
import { PgPoolDriver } from "./driver";

/** Kysely over a `pg` Pool with the outage handling of PgPoolDriver. */
export class PgPoolDialect extends PostgresFamilyDialect {
  constructor(
    private readonly pool: pg.Pool,
    private readonly preparedStatements = true,
  ) {
    super();
  }

  createDriver(): Driver {
    return new PgPoolDriver(this.pool, this.preparedStatements);
  }
}
