// Login throttling counted in the database, so it holds across instances and restarts: a key (an
// email, a client address) that failed too often within the window is refused until its oldest
// failure leaves the window.
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";

export interface ThrottleRule {
  key: string;
  maxFailures: number;
}

/** Throws TOO_MANY_REQUESTS (with the seconds to wait) when any rule's key is over its limit. */
export async function assertNotThrottled(
  db: Db,
  rules: ThrottleRule[],
  windowSeconds: number,
): Promise<void> {
  for (const rule of rules) {
    const row = await db
      .selectFrom("login_attempts")
      .select([
        (eb) => eb.fn.countAll<string>().as("failures"),
        sql<
          number | null
        >`ceil(extract(epoch from (min(at) + make_interval(secs => ${windowSeconds}) - now())))`.as("wait"),
      ])
      .where("key", "=", rule.key)
      .where("succeeded", "=", false)
      .where("at", ">", sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
      .executeTakeFirstOrThrow();
    if (Number(row.failures) >= rule.maxFailures) {
      const retryAfter = Math.max(1, Number(row.wait ?? windowSeconds));
      throw new ThrottledError(retryAfter);
    }
  }
}

export class ThrottledError extends FormworkError {
  constructor(
    readonly retryAfterSeconds: number,
    what = "failed logins",
  ) {
    super("TOO_MANY_REQUESTS", `Too many ${what}; retry in ${retryAfterSeconds} s`);
  }
}

export async function recordLoginFailure(db: Db, keys: string[], windowSeconds: number): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values(keys.map((key) => ({ key, succeeded: false })))
    .execute();
  // Old rows only matter for the window; prune the ones of these keys so the table stays small.
  await db
    .deleteFrom("login_attempts")
    .where("key", "in", keys)
    .where("at", "<", sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
    .execute();
}

/** A successful login forgives the email's failures (the address keeps its count). */
export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}
