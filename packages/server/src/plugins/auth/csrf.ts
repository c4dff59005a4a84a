// CSRF defence for requests authenticated by the session cookie (a Bearer token is not sent by browsers
// on their own, so it needs none): unsafe methods must carry `X-Requested-With: formwork`, which a
// cross-site form cannot set and a cross-site fetch cannot send without a CORS preflight we never grant;
// and when the browser names the request's origin, it must be this site's. Clients that prefer the
// double-submit pattern may send the session's token (from login or GET /api/me) as `X-CSRF-Token`.
import type { FastifyRequest } from "fastify";

export const CSRF_HEADER = "x-requested-with";
export const CSRF_HEADER_VALUE = "formwork";
export const CSRF_TOKEN_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Why the request fails the check, or null when it passes. */
export function csrfProblem(
  request: FastifyRequest,
  allowedOrigins: readonly string[],
  sessionCsrfToken: string | undefined,
): string | null {
  if (!isUnsafeMethod(request.method)) return null;
  const doubleSubmitted =
    sessionCsrfToken !== undefined && request.headers[CSRF_TOKEN_HEADER] === sessionCsrfToken;
  if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE && !doubleSubmitted) {
    return `send the header "X-Requested-With: ${CSRF_HEADER_VALUE}" with cookie-authenticated writes`;
  }
  if (request.headers["sec-fetch-site"] === "cross-site") return "cross-site requests are refused";
  return originProblem(request.headers.origin, request.host, allowedOrigins);
}

/**
 * Why a browser-named origin is not this site's (`host` as the request addressed it) nor an allowed
 * one, or null. Also the realtime handshake's check: a cookie-authenticated socket from another site
 * would be cross-site WebSocket hijacking.
 */
export function originProblem(
  origin: string | undefined,
  host: string,
  allowedOrigins: readonly string[],
): string | null {
  if (origin === undefined) return null;
  if (allowedOrigins.includes(origin)) return null;
  try {
    const from = new URL(origin);
    // Normalised through URL on both sides so default ports and letter case compare equal.
    const self = new URL(`${from.protocol}//${host}`);
    return from.host === self.host ? null : `requests from ${origin} are refused`;
  } catch {
    return "the Origin header is malformed";
  }
}
