// The in-app notification centre (issue 7): GET /api/notifications (newest first, `unread`, `cursor`),
// GET /api/notifications/count, POST /api/notifications/read ({ids} or {all: true}). Everyone reads and
// marks only their own rows. Rows are written by the features that notify, in their own transactions
// (comment mentions, workflow tasks, copies, urges, reminders and finished flows).
import { countUnread, listNotifications, markNotificationsRead } from "@formwork/db";
import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import { countSchema, listQuery, pageSchema, readBody, readResponse } from "./schemas";

export interface NotificationsPluginOptions {
  db: Db;
}

export const notificationsPlugin: FastifyPluginAsync<NotificationsPluginOptions> = async (app, { db }) => {
  app.get<{ Querystring: { unread: boolean; cursor?: string; limit: number } }>(
    "/api/notifications",
    { schema: { tags: ["notifications"], querystring: listQuery, response: { 200: pageSchema } } },
    async (request) => {
      const { userId } = currentUser(request);
      const [page, unread] = await Promise.all([
        listNotifications(db, userId, request.query),
        countUnread(db, userId),
      ]);
      return { ...page, unread };
    },
  );

  app.get(
    "/api/notifications/count",
    { schema: { tags: ["notifications"], response: { 200: countSchema } } },
    async (request) => ({ unread: await countUnread(db, currentUser(request).userId) }),
  );

  app.post<{ Body: { ids?: string[]; all?: true } }>(
    "/api/notifications/read",
    { schema: { tags: ["notifications"], body: readBody, response: { 200: readResponse } } },
    async (request) => {
      const { userId } = currentUser(request);
      const { ids, all } = request.body;
      const marked = await markNotificationsRead(db, userId, all ? { all: true } : { ids: ids ?? [] });
      return { marked, unread: await countUnread(db, userId) };
    },
  );
};
