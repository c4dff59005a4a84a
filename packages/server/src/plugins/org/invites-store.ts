// Invite links: 256 random bits shown once, stored as SHA-256, valid until they expire or are used
// once. Every way a token can fail (unknown, expired, used, member disabled or already active) gives
// the same answer, so the link reveals nothing about why.

import { newId } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";
import { hashSecret, newSecret } from "../auth/secret-token";

export const INVITE_TTL_DAYS = 7;

export function invalidInvite(): FormworkError {
  return new FormworkError("NOT_FOUND", "This invite link is invalid, has expired or was already used");
}

/**
 * A new link for a member who has not joined yet; earlier unused links of the member stop working.
 * CONFLICT at "" for a member who is active or disabled.
 */
export async function createInvite(
  trx: Db,
  input: { userId: string; createdBy: string; ttlDays?: number },
): Promise<{ token: string; expiresAt: string }> {
  const user = await trx
    .selectFrom("users")
    .select(["invited", "disabled"])
    .where("id", "=", input.userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw new FormworkError("NOT_FOUND", "No such member");
  if (!user.invited || user.disabled) {
    throw new FormworkError("CONFLICT", "Only a member who has not joined yet can be invited", [
      {
        path: "",
        message: user.disabled ? "the member is disabled" : "the member has joined",
        code: "NOT_INVITED",
      },
    ]);
  }
  await trx.deleteFrom("invites").where("user_id", "=", input.userId).where("used_at", "is", null).execute();
  const token = newSecret();
  const row = await trx
    .insertInto("invites")
    .values({
      id: newId(),
      user_id: input.userId,
      token_hash: hashSecret(token),
      created_by: input.createdBy,
      expires_at: sql<Date>`now() + make_interval(days => ${input.ttlDays ?? INVITE_TTL_DAYS})`,
    })
    .returning("expires_at")
    .executeTakeFirstOrThrow();
  return { token, expiresAt: row.expires_at.toISOString() };
}

/** Who a live link invites (shown on the accept page), or the common "invalid" error. */
export async function lookupInvite(db: Db, token: string): Promise<{ name: string; email: string }> {
  const row = await liveInvite(db, token).select(["users.name", "users.email"]).executeTakeFirst();
  if (!row) throw invalidInvite();
  return row;
}

function liveInvite(db: Db, token: string) {
  return db
    .selectFrom("invites")
    .innerJoin("users", "users.id", "invites.user_id")
    .where("invites.token_hash", "=", hashSecret(token))
    .where("invites.used_at", "is", null)
    .where("invites.expires_at", ">", sql<Date>`now()`)
    .where("users.invited", "=", true)
    .where("users.disabled", "=", false);
}

/**
 * Uses the link: marks it used (a conditional update, so two concurrent acceptances cannot both win)
 * and sets the member's name and password (hashed by the caller, outside the transaction: scrypt is
 * slow). Returns the member's id.
 */
export async function acceptInvite(
  trx: Db,
  input: { token: string; name: string; passwordHash: string },
): Promise<string> {
  const live = await liveInvite(trx, input.token).select("invites.id").executeTakeFirst();
  if (!live) throw invalidInvite();
  const used = await trx
    .updateTable("invites")
    .set({ used_at: sql<Date>`now()` })
    .where("id", "=", live.id)
    .where("used_at", "is", null)
    .returning("user_id")
    .executeTakeFirst();
  if (!used) throw invalidInvite();
  await trx
    .updateTable("users")
    .set({
      name: input.name.trim(),
      password_hash: input.passwordHash,
      invited: false,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", used.user_id)
    .execute();
  return used.user_id;
}
