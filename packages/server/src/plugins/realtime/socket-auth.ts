// Who a socket is: the handshake carries an API token (`auth: { token }` or `Authorization: Bearer`)
// or the session cookie, resolved exactly as HTTP requests are (credential cache, then the database).
// A cookie-authenticated handshake must come from this site or an allowed origin: browsers send cookies
// on cross-site WebSocket handshakes, so without the check any page could open a socket as its visitor
// (cross-site WebSocket hijacking). A token is never sent by a browser on its own and needs no check.
import type { FastifyInstance } from "fastify";
import type { Socket } from "socket.io";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { principalOf } from "../auth/authenticate";
import type { CredentialCache } from "../auth/credential-cache";
import { originProblem } from "../auth/csrf";
import type { Principal } from "../auth/principal";
import { SESSION_COOKIE } from "../auth/session-cookie";

/** What the server keeps on each socket (`socket.data`). */
export interface SocketData {
  principal: Principal;
}

export class HandshakeError extends Error {
  readonly data: { code: string };
  constructor(code: "UNAUTHENTICATED" | "CSRF_FAILED", message: string) {
    super(message);
    this.data = { code };
  }
}

function bearerOf(socket: Socket): string | undefined {
  const given = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof given === "string" && given.length > 0) return given;
  const header = socket.handshake.headers.authorization;
  return header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
}

/** The host the browser addressed: X-Forwarded-Host only behind a configured proxy. */
function hostOf(socket: Socket, config: ServerConfig): string {
  const forwarded = socket.handshake.headers["x-forwarded-host"];
  if (config.trustProxy.length > 0 && typeof forwarded === "string") return forwarded.split(",")[0]!.trim();
  return socket.handshake.headers.host ?? "";
}

export async function authenticateSocket(
  app: FastifyInstance,
  db: Db,
  config: ServerConfig,
  cache: CredentialCache,
  socket: Socket,
): Promise<Principal> {
  const token = bearerOf(socket);
  if (token !== undefined) {
    const principal = await principalOf(db, cache, "token", token);
    if (!principal)
      throw new HandshakeError("UNAUTHENTICATED", "The API token is invalid, expired or revoked");
    return principal;
  }
  const cookies = app.parseCookie(socket.handshake.headers.cookie ?? "");
  const session = cookies[SESSION_COOKIE];
  if (!session) throw new HandshakeError("UNAUTHENTICATED", "Sign in or send an API token");
  const problem = originProblem(
    socket.handshake.headers.origin,
    hostOf(socket, config),
    config.allowedOrigins,
  );
  if (problem) throw new HandshakeError("CSRF_FAILED", problem);
  const principal = await principalOf(db, cache, "session", session);
  if (!principal) throw new HandshakeError("UNAUTHENTICATED", "The session has ended");
  return principal;
}

export const userRoom = (userId: string) => `user:${userId}`;
export const credentialRoom = (via: Principal["via"], credentialId: string) => `cred:${via}:${credentialId}`;
export const formRoom = (formId: string) => `form:${formId}`;
export const designerRoom = (formId: string) => `design:${formId}`;
