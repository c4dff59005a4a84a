// Resolves the request's principal from a Bearer API token or the session cookie, applies the CSRF
// check to everything not authenticated by a token, then enforces the route's access level.
import { FormworkError } from "@formwork/schema";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { principalFromApiToken, principalFromSession, touchApiToken } from "./credentials-store";
import { csrfProblem } from "./csrf";
import type { AccessLevel } from "./principal";
import { SESSION_COOKIE } from "./session-cookie";

const TOUCH_INTERVAL_MS = 60_000;

export function authenticateHook(db: Db, config: ServerConfig) {
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
      const principal = match ? await principalFromApiToken(db, match[1]!) : null;
      if (!principal)
        throw new FormworkError("UNAUTHENTICATED", "The API token is invalid, expired or revoked");
      request.principal = principal;
      touch(request, principal.credentialId);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      request.principal = cookie ? await principalFromSession(db, cookie) : null;
      if (cookie && !request.principal) reply.clearCookie(SESSION_COOKIE, { path: "/" });
      const problem = csrfProblem(request, config.allowedOrigins, request.principal?.csrfToken);
      if (problem) throw new FormworkError("CSRF_FAILED", problem);
    }
    enforceAccess(request, request.routeOptions.config.auth ?? "user");
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
