import { newId } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { requestActor, writeAudit } from "../audit/audit-store";
import { findUserById, toUserView } from "../users/users-store";
import { currentUser } from "./authenticate";
import type { CredentialCache } from "./credential-cache";
import { createApiToken, deleteSession, listApiTokens, revokeApiToken } from "./credentials-store";
import { login } from "./login";
import {
  createdTokenSchema,
  createTokenBody,
  idParams,
  loginBody,
  meResponse,
  tokenInfoSchema,
} from "./schemas";
import { hashSecret } from "./secret-token";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "./session-cookie";

/** Session login/logout, the current user, and personal API tokens. */
export const authPlugin: FastifyPluginAsync<{
  db: Db;
  config: ServerConfig;
  credentials: CredentialCache;
}> = async (app, { db, config, credentials }) => {
  app.post<{ Body: { email: string; password: string } }>(
    "/api/auth/login",
    {
      config: { auth: "public" },
      schema: { tags: ["auth"], body: loginBody, response: { 200: meResponse } },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      const previousSessionHash = cookie ? hashSecret(cookie) : undefined;
      const { user, session } = await login(db, config, {
        ...request.body,
        clientIp: request.ip,
        previousSessionHash,
      });
      if (previousSessionHash) credentials.forgetCredential("session", previousSessionHash);
      setSessionCookie(reply, session.token, config);
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { auth: "public" }, schema: { tags: ["auth"] } },
    async (request, reply) => {
      if (request.principal?.via === "session") {
        await deleteSession(db, request.principal.credentialId);
        credentials.forgetCredential("session", request.principal.credentialId);
      }
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    },
  );

  app.get("/api/me", { schema: { tags: ["auth"], response: { 200: meResponse } } }, async (request) => {
    const principal = currentUser(request);
    const user = await findUserById(db, principal.userId);
    if (!user) throw new FormworkError("UNAUTHENTICATED", "The account no longer exists");
    return { user: toUserView(user), ...(principal.csrfToken ? { csrfToken: principal.csrfToken } : {}) };
  });

  app.post<{ Body: { name: string; expiresInDays?: number } }>(
    "/api/tokens",
    { schema: { tags: ["auth"], body: createTokenBody, response: { 201: createdTokenSchema } } },
    async (request, reply) => {
      const { token, info } = await db.transaction().execute(async (trx) => {
        const created = await createApiToken(trx, {
          id: newId(),
          userId: currentUser(request).userId,
          ...request.body,
        });
        const { scope, appIds } = created.info;
        await writeAudit(trx, {
          ...requestActor(request),
          action: "token.create",
          targetId: created.info.id,
          detail: { name: created.info.name, scope, appIds },
        });
        return created;
      });
      return reply.status(201).send({ ...info, token });
    },
  );

  app.get(
    "/api/tokens",
    {
      schema: {
        tags: ["auth"],
        response: {
          200: { type: "object", properties: { tokens: { type: "array", items: tokenInfoSchema } } },
        },
      },
    },
    async (request) => ({ tokens: await listApiTokens(db, currentUser(request).userId) }),
  );

  app.delete<{ Params: { id: string } }>(
    "/api/tokens/:id",
    { schema: { tags: ["auth"], params: idParams } },
    async (request, reply) => {
      await db.transaction().execute(async (trx) => {
        if (!(await revokeApiToken(trx, currentUser(request).userId, request.params.id))) {
          throw new FormworkError("NOT_FOUND", "No such token");
        }
        await writeAudit(trx, {
          ...requestActor(request),
          action: "token.revoke",
          targetId: request.params.id,
        });
      });
      // This instance refuses the token from the next request on; others within the cache's TTL.
      credentials.forgetCredential("token", request.params.id);
      return reply.status(204).send();
    },
  );
};
