// Sessions and API tokens in the database, looked up by the SHA-256 of what the client holds. Expiry is
// judged by the database clock so every instance agrees.
import { sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "./principal";
import { API_TOKEN_PREFIX, hashSecret, newSecret } from "./secret-token";

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
}

export async function createSession(db: Db, userId: string, ttlSeconds: number): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  await db
    .insertInto("sessions")
    .values({
      id: hashSecret(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: sql<Date>`now() + make_interval(secs => ${ttlSeconds})`,
    })
    .execute();
  return { token, csrfToken };
}

export async function deleteSession(db: Db, sessionHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionHash).execute();
}

/** Ends every session of a user (password change, disabling an account, fixation defence at login). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** A principal the database confirmed, with when its credential stops being valid (null: never). */
export interface CredentialLookup {
  principal: Principal;
  expiresAt: Date | null;
}

/** The live session with this hash (the SHA-256 of the cookie) and its active user. */
export async function sessionByHash(db: Db, hash: string): Promise<CredentialLookup | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "users.id",
      "users.email",
      "users.name",
      "users.is_admin",
      "sessions.csrf_token",
      "sessions.expires_at",
    ])
    .where("sessions.id", "=", hash)
    .where("sessions.expires_at", ">", sql<Date>`now()`)
    .where("users.disabled", "=", false)
    .executeTakeFirst();
  if (!row) return null;
  return {
    principal: {
      userId: row.id,
      email: row.email,
      name: row.name,
      isAdmin: row.is_admin,
      via: "session",
      credentialId: hash,
      csrfToken: row.csrf_token,
    },
    expiresAt: row.expires_at,
  };
}

/** The live, unrevoked API token with this hash and its active user. */
export async function apiTokenByHash(db: Db, hash: string): Promise<CredentialLookup | null> {
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id as tokenId",
      "api_tokens.expires_at",
      "api_tokens.scope",
      "api_tokens.app_ids",
      "users.id",
      "users.email",
      "users.name",
      "users.is_admin",
    ])
    .where("api_tokens.token_hash", "=", hash)
    .where("api_tokens.revoked_at", "is", null)
    .where((eb) =>
      eb.or([eb("api_tokens.expires_at", "is", null), eb("api_tokens.expires_at", ">", sql<Date>`now()`)]),
    )
    .where("users.disabled", "=", false)
    .executeTakeFirst();
  if (!row) return null;
  return {
    principal: {
      userId: row.id,
      email: row.email,
      name: row.name,
      isAdmin: row.is_admin,
      via: "token",
      credentialId: row.tokenId,
      tokenScope: { write: row.scope === "write", appIds: row.app_ids },
    },
    expiresAt: row.expires_at,
  };
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  scope: "read" | "write";
  /** null: every app. */
  appIds: string[] | null;
}

const TOKEN_COLUMNS = ["id", "name", "created_at", "last_used_at", "expires_at", "scope", "app_ids"] as const;

export async function createApiToken(
  db: Db,
  input: {
    id: string;
    userId: string;
    name: string;
    expiresInDays?: number;
    scope?: "read" | "write";
    appIds?: string[] | null;
  },
): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await db
    .insertInto("api_tokens")
    .values({
      id: input.id,
      user_id: input.userId,
      name: input.name,
      token_hash: hashSecret(token),
      scope: input.scope ?? "write",
      app_ids: input.appIds ?? null,
      expires_at:
        input.expiresInDays === undefined
          ? null
          : sql<Date>`now() + make_interval(days => ${input.expiresInDays})`,
    })
    .returning(TOKEN_COLUMNS)
    .executeTakeFirstOrThrow();
  return { token, info: toTokenInfo(row) };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .select(TOKEN_COLUMNS)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toTokenInfo);
}

/** Revokes one of the user's tokens; false when there is no such live token. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: sql<Date>`now()` })
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function toTokenInfo(row: {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  scope: "read" | "write";
  app_ids: string[] | null;
}): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    createdAt: iso(row.created_at),
    lastUsedAt: row.last_used_at ? iso(row.last_used_at) : null,
    expiresAt: row.expires_at ? iso(row.expires_at) : null,
    scope: row.scope,
    appIds: row.app_ids,
  };
}

export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** Records that a token was used, at most once a minute per token so busy tokens do not write per request. */
export async function touchApiToken(db: Db, tokenId: string): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: sql<Date>`now()` })
    .where("id", "=", tokenId)
    .where((eb) =>
      eb.or([
        eb("last_used_at", "is", null),
        eb("last_used_at", "<", sql<Date>`now() - interval '1 minute'`),
      ]),
    )
    .execute();
}

/** Forgets sessions that have expired; run at login so the table does not grow without bound. */
export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<", sql<Date>`now()`).execute();
}
