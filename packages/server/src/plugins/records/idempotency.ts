// Idempotency-Key on record creation: the first request with a key claims it inside the write's own
// transaction, so the stored answer commits together with the records it describes. A retry with the
// same key and the same request gets that answer replayed; a concurrent twin waits on the key's row
// lock and then replays; a failed attempt rolls its claim back and may be retried.
import { createHash } from "node:crypto";
import { json } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";

const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;
const KEEP_HOURS = 24;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || !KEY_SHAPE.test(key)) {
    throw new FormworkError("BAD_REQUEST", "Idempotency-Key must be 1-200 visible ASCII characters", [
      { path: "/headers/idempotency-key", message: "malformed" },
    ]);
  }
  return key;
}

export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${url.split("?")[0]}\n${JSON.stringify(body)}`)
    .digest("hex");
}

/**
 * Runs `work` once per (scope, key) within `trx`. Returns the stored response when the key was used
 * before with the same fingerprint; refuses a key reused for a different request.
 */
export async function claimOrReplay(
  trx: Db,
  claim: { scope: string; key: string; fingerprint: string },
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const claimed = await trx
    .insertInto("idempotency_keys")
    .values({
      scope: claim.scope,
      key: claim.key,
      request_hash: claim.fingerprint,
      status_code: null,
      response: null,
      expires_at: sql<Date>`now() + make_interval(hours => ${KEEP_HOURS})`,
    })
    .onConflict((oc) =>
      oc
        .columns(["scope", "key"])
        .doUpdateSet({
          request_hash: claim.fingerprint,
          status_code: null,
          response: null,
          created_at: sql<Date>`now()`,
          expires_at: sql<Date>`now() + make_interval(hours => ${KEEP_HOURS})`,
        })
        // An expired key is free again.
        .where("idempotency_keys.expires_at", "<", sql<Date>`now()`),
    )
    .returning("key")
    .executeTakeFirst();

  if (!claimed) {
    const previous = await trx
      .selectFrom("idempotency_keys")
      .select(["request_hash", "status_code", "response"])
      .where("scope", "=", claim.scope)
      .where("key", "=", claim.key)
      .executeTakeFirstOrThrow();
    if (previous.request_hash !== claim.fingerprint) {
      throw new FormworkError("CONFLICT", "This Idempotency-Key was already used for a different request", [
        { path: "/headers/idempotency-key", message: "reused with another body" },
      ]);
    }
    if (previous.status_code === null) {
      throw new FormworkError("CONFLICT", "A request with this Idempotency-Key is still in progress");
    }
    return { status: previous.status_code, body: previous.response, replayed: true };
  }

  const response = await work();
  await trx
    .updateTable("idempotency_keys")
    .set({ status_code: response.status, response: json(response.body) })
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .execute();
  return { ...response, replayed: false };
}
