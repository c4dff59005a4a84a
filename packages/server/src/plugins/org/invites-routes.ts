// Invite links: an admin issues one for a member who has not joined; the invitee opens it (public),
// chooses a name and password, and is signed in. The token travels in request bodies, never in URLs
// the server logs.
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import { createSession } from "../auth/credentials-store";
import { hashPassword } from "../auth/password";
import { meResponse } from "../auth/schemas";
import { setSessionCookie } from "../auth/session-cookie";
import { findUserById, toUserView } from "../users/users-store";
import { auditedChange, type OrgHooks } from "./hooks";
import { acceptInvite, createInvite, lookupInvite } from "./invites-store";
import { INVITE_PAGE } from "./members-routes";
import { inviteAcceptBody, inviteLookupBody, inviteSchema, memberParams } from "./schemas";

export const invitesRoutes: FastifyPluginAsync<{ db: Db; config: ServerConfig; hooks: OrgHooks }> = async (
  app,
  { db, config, hooks },
) => {
  const change = auditedChange(db, hooks);

  app.post<{ Params: { id: string } }>(
    "/api/org/members/:id/invite",
    {
      config: { auth: "admin" },
      schema: {
        tags: ["members"],
        summary: "A new invite link for a member who has not joined (earlier links stop working)",
        params: memberParams,
        response: { 201: inviteSchema },
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const invite = await change(
        () => ({ action: "invite.create", actorId: actor.userId, targetId: request.params.id }),
        (trx: Db) => createInvite(trx, { userId: request.params.id, createdBy: actor.userId }),
      );
      return reply.status(201).send({ ...invite, path: INVITE_PAGE });
    },
  );

  app.post<{ Body: { token: string } }>(
    "/api/org/invites/lookup",
    {
      config: { auth: "public" },
      schema: {
        tags: ["members"],
        summary: "Who an invite link is for (404 alike for unknown, expired and used links)",
        body: inviteLookupBody,
        response: {
          200: { type: "object", properties: { name: { type: "string" }, email: { type: "string" } } },
        },
      },
    },
    async (request) => lookupInvite(db, request.body.token),
  );

  app.post<{ Body: { token: string; name: string; password: string } }>(
    "/api/org/invites/accept",
    {
      config: { auth: "public" },
      schema: {
        tags: ["members"],
        summary:
          "Join with an invite link: set name and password, get signed in; the link then stops working",
        body: inviteAcceptBody,
        response: { 200: meResponse },
      },
    },
    async (request, reply) => {
      const { token, name } = request.body;
      const passwordHash = await hashPassword(request.body.password);
      const { userId, session } = await change(
        (r) => ({ action: "invite.accept", actorId: null, targetId: r.userId }),
        async (trx: Db) => {
          const userId = await acceptInvite(trx, { token, name, passwordHash });
          return { userId, session: await createSession(trx, userId, config.sessionTtlSeconds) };
        },
      );
      const user = await findUserById(db, userId);
      if (!user) throw new FormworkError("NOT_FOUND", "No such member");
      setSessionCookie(reply, session.token, config);
      return { user: toUserView(user), csrfToken: session.csrfToken };
    },
  );
};
