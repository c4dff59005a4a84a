import type { Kysely } from "kysely";
import { isTransientConflict } from "./errors";

/**
 * Runs `work` on `db` when it already is a transaction, else in a new one: repositories compose into
 * the caller's transaction. On PGlite, code inside a transaction must use the transaction object only;
 * the root handle would wait for the transaction to end (one connection).
 */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}

const RETRY_DELAYS_MS = [100, 300, 900];

/**
 * `inTransaction` for work that keeps no state outside the database between attempts: when PostgreSQL
 * aborts its own transaction for a deadlock or a serialization failure — both mean "run it again" — it
 * runs again, up to three times. Installing or upgrading an app right after another install meets that
 * one's after-commit work (views' indexes built concurrently) in deadlocks; the user should not be the
 * one to retry.
 */
export async function inRetriedTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  for (const delay of RETRY_DELAYS_MS) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isTransientConflict(error)) throw error;
      await new Promise((resume) => setTimeout(resume, delay * (0.5 + Math.random())));
    }
  }
  return db.transaction().execute(work);
}
