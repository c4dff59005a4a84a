// Designer presence: who has a form's designer open, across every instance (fetchSockets asks the other
// servers through the adapter). Each user appears once however many tabs they have; the list goes to the
// designer room after every join and leave. Only the form's designers may join (system admins and the
// admins of its app), so the list never reaches someone who could not open the designer.
import { isAdminOfAppOrForm } from "@formwork/db";
import type { PresentUser } from "@formwork/schema";
import type { Server } from "socket.io";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { designerRoom, type SocketData } from "./socket-auth";

export async function mayDesign(db: Db, principal: Principal, formId: string): Promise<boolean> {
  if (principal.tokenScope) return false;
  return principal.isAdmin || (await isAdminOfAppOrForm(db, principal.userId, { formId }));
}

/** Sends the designer room its current list of users. */
export async function announcePresence(io: Server, formId: string): Promise<void> {
  const room = designerRoom(formId);
  const sockets = await io.in(room).fetchSockets();
  const users = new Map<string, PresentUser>();
  for (const socket of sockets) {
    const { principal } = socket.data as SocketData;
    users.set(principal.userId, { id: principal.userId, name: principal.name });
  }
  const list = [...users.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  io.to(room).emit("presence", { formId, users: list });
}
