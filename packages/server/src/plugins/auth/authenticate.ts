// Resolves the request's principal from a Bearer API token or the session cookie, applies the CSRF
// check to everything not authenticated by a token, then enforces the route's access level. Principals
// come from the credential cache when it holds a fresh answer (./credential-cache: a few seconds, cleared
// in-process on revoke and logout), so a busy client costs no lookup per request.
import { isAdminOfAppOrForm } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import type { CredentialCache } from "./credential-cache";
import { apiTokenByHash, type CredentialLookup, sessionByHash, touchApiToken } from "./credentials-store";
import { csrfProblem } from "./csrf";
import type { AccessLevel, Principal } from "./principal";
import { hashSecret } from "./secret-token";
import { SESSION_COOKIE } from "./session-cookie";
import { assertTokenScope } from "./token-scope";

const TOUCH_INTERVAL_MS = 60_000;

/** The principal of a credential: from the cache when fresh, else from the database (then cached). */
export async function principalOf(
  db: Db,
  cache: CredentialCache,
  via: Principal["via"],
  secret: string,
): Promise<Principal | null> {
  const hash = hashSecret(secret);
  // Each request gets its own object: per-request memos (the permission scope) are keyed by it.
  const cached = cache.get(via, hash);
  if (cached) return { ...cached };
  const lookup = cache.startLookup();
  const found: CredentialLookup | null =
    via === "token" ? await apiTokenByHash(db, hash) : await sessionByHash(db, hash);
  if (!found) return null;
  cache.set(lookup, via, hash, found.principal, found.expiresAt);
  return { ...found.principal };
}

export function authenticateHook(db: Db, config: ServerConfig, cache: CredentialCache) {
  // When each token's use was last recorded by this process: the hot path then skips the write.
  const touched = new Map<string, number>();
  const touch = (request: FastifyRequest, tokenId: string) => {
    const now = Date.now();
    if (now - (touched.get(tokenId) ?? 0) < TOUCH_INTERVAL_MS) return;
    if (touched.size > 10_000) touched.clear();
    touched.set(tokenId, now);
    // Bookkeeping only: a failure here must not fail the request.
    touchApiToken(db, tokenId).catch((error) => request.log.warn({ err: error }, "token last use"));
  };
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const principal = match ? await principalOf(db, cache, "token", match[1]!) : null;
      if (!principal)
        throw new FormworkError("UNAUTHENTICATED", "The API token is invalid, expired or revoked");
      request.principal = principal;
      touch(request, principal.credentialId);
      if (principal.tokenScope) await assertTokenScope(db, request, principal.tokenScope);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      request.principal = cookie ? await principalOf(db, cache, "session", cookie) : null;
      if (cookie && !request.principal) reply.clearCookie(SESSION_COOKIE, { path: "/" });
      const problem = csrfProblem(request, config.allowedOrigins, request.principal?.csrfToken);
      if (problem) throw new FormworkError("CSRF_FAILED", problem);
    }
    const level = request.routeOptions.config.auth ?? "user";
    enforceAccess(request, level);
    if (level === "appAdmin" && !request.principal?.isAdmin) {
      const params = (request.params ?? {}) as { app?: string; form?: string };
      const target = { appId: params.app, formId: params.form };
      if (!(await isAdminOfAppOrForm(db, request.principal!.userId, target))) {
        throw new FormworkError("FORBIDDEN", "Only administrators of this app may do this");
      }
    }
  };
}

function enforceAccess(request: FastifyRequest, level: AccessLevel): void {
  if (level === "public") return;
  if (!request.principal) throw new FormworkError("UNAUTHENTICATED", "Sign in or send an API token");
  if (level === "admin" && !request.principal.isAdmin) {
    throw new FormworkError("FORBIDDEN", "Only administrators may do this");
  }
}

/** The authenticated principal of a route that is not public. */
export function currentUser(request: FastifyRequest) {
  if (!request.principal) throw new FormworkError("UNAUTHENTICATED", "Sign in or send an API token");
  return request.principal;
}
