// Every socket's credential is checked again now and then: a session that expired, or a revocation made
// by an instance whose broadcast this one missed, ends the socket within `recheckMs`. Immediate
// disconnection on revoke, logout and disable goes through the credential cache's hooks (realtime.ts);
// this is the safety net. Two queries per sweep for all of the instance's sockets.
import { liveCredentials } from "@formwork/db";
import type { Server } from "socket.io";
import type { Db } from "../../database";
import type { SocketData } from "./socket-auth";

/** Re-checks the credentials of `userId`'s sockets (every local socket when omitted). */
export async function recheckSockets(db: Db, io: Server, userId?: string): Promise<void> {
  const sockets = [...io.of("/").sockets.values()].filter(
    (s) => userId === undefined || (s.data as SocketData).principal.userId === userId,
  );
  if (sockets.length === 0) return;
  const sessions = new Set<string>();
  const tokens = new Set<string>();
  for (const socket of sockets) {
    const { principal } = socket.data as SocketData;
    (principal.via === "session" ? sessions : tokens).add(principal.credentialId);
  }
  const live = await liveCredentials(db, [...sessions], [...tokens]);
  for (const socket of sockets) {
    const data = socket.data as SocketData;
    const found = (data.principal.via === "session" ? live.sessions : live.tokens).get(
      data.principal.credentialId,
    );
    if (!found || found.userId !== data.principal.userId) socket.disconnect(true);
    else if (found.isAdmin !== data.principal.isAdmin)
      data.principal = { ...data.principal, isAdmin: found.isAdmin };
  }
}
