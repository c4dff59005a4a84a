import type { Kysely } from "kysely";

/**
 * Runs `work` on `db` when it already is a transaction, else in a new one: repositories compose into
 * the caller's transaction. On PGlite, code inside a transaction must use the transaction object only;
 * the root handle would wait for the transaction to end (one connection).
 */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
