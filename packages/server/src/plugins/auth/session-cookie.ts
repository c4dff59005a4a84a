import type { FastifyReply } from "fastify";
import type { ServerConfig } from "../../config";

export const SESSION_COOKIE = "formwork_session";

/** httpOnly (no script can read it), SameSite=Lax (not sent on cross-site subrequests or POSTs). */
export function setSessionCookie(reply: FastifyReply, token: string, config: ServerConfig): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    path: "/",
    maxAge: config.sessionTtlSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: ServerConfig): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    path: "/",
  });
}
