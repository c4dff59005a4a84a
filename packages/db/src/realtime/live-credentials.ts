// Which of the credentials behind open sockets still stand (realtime's periodic re-check): sessions not
// expired nor deleted, API tokens not revoked nor expired, users not disabled. One query per kind for
// every socket of the instance, answering each live credential's user and admin flag.
import { sql } from "kysely";
import type { Db } from "../org/shared";

export interface LiveCredential {
  userId: string;
  isAdmin: boolean;
}

export interface LiveCredentials {
  /** By session hash (the SHA-256 of the cookie). */
  sessions: Map<string, LiveCredential>;
  /** By API token id. */
  tokens: Map<string, LiveCredential>;
}

export async function liveCredentials(
  db: Db,
  sessionHashes: readonly string[],
  tokenIds: readonly string[],
): Promise<LiveCredentials> {
  const [sessions, tokens] = await Promise.all([
    sessionHashes.length === 0
      ? []
      : db
          .selectFrom("sessions")
          .innerJoin("users", "users.id", "sessions.user_id")
          .select(["sessions.id as key", "users.id as userId", "users.is_admin as isAdmin"])
          .where("sessions.id", "in", [...sessionHashes])
          .where("sessions.expires_at", ">", sql<Date>`now()`)
          .where("users.disabled", "=", false)
          .execute(),
    tokenIds.length === 0
      ? []
      : db
          .selectFrom("api_tokens")
          .innerJoin("users", "users.id", "api_tokens.user_id")
          .select(["api_tokens.id as key", "users.id as userId", "users.is_admin as isAdmin"])
          .where("api_tokens.id", "in", [...tokenIds])
          .where("api_tokens.revoked_at", "is", null)
          .where((eb) =>
            eb.or([
              eb("api_tokens.expires_at", "is", null),
              eb("api_tokens.expires_at", ">", sql<Date>`now()`),
            ]),
          )
          .where("users.disabled", "=", false)
          .execute(),
  ]);
  const byKey = (rows: { key: string; userId: string; isAdmin: boolean }[]) =>
    new Map(rows.map((r) => [r.key, { userId: r.userId, isAdmin: r.isAdmin }]));
  return { sessions: byKey(sessions), tokens: byKey(tokens) };
}
