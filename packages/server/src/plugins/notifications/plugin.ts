// The in-app notification centre (issue 7): GET /api/notifications (newest first, `unread`, `cursor`),
// GET /api/notifications/count, POST /api/notifications/read ({ids} or {all: true}), GET/PUT
// /api/notifications/settings ({email}: copies by email, offered when SMTP is configured). Everyone reads and
// marks only their own rows. Rows are written by the features that notify, in their own transactions
// (comment mentions, workflow tasks, copies, urges, reminders and finished flows).
import {
  countUnread,
  getEmailOptIn,
  listNotifications,
  markNotificationsRead,
  setEmailOptIn,
} from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import {
  countSchema,
  listQuery,
  pageSchema,
  readBody,
  readResponse,
  settingsBody,
  settingsSchema,
} from "./schemas";

export interface NotificationsPluginOptions {
  db: Db;
  config: ServerConfig;
}

export const notificationsPlugin: FastifyPluginAsync<NotificationsPluginOptions> = async (
  app,
  { db, config },
) => {
  // Email copies (sent through the outbox by a trigger on notifications) are offered only with SMTP.
  const emailAvailable = config.smtp !== null;
  app.get(
    "/api/notifications/settings",
    { schema: { tags: ["notifications"], response: { 200: settingsSchema } } },
    async (request) => ({ email: await getEmailOptIn(db, currentUser(request).userId), emailAvailable }),
  );

  app.put<{ Body: { email: boolean } }>(
    "/api/notifications/settings",
    { schema: { tags: ["notifications"], body: settingsBody, response: { 200: settingsSchema } } },
    async (request) => {
      const { userId } = currentUser(request);
      if (request.body.email && !emailAvailable) {
        throw new FormworkError("CONFLICT", "This server sends no email (no SMTP is configured)", [
          { path: "/email", message: "no SMTP configured" },
        ]);
      }
      await setEmailOptIn(db, userId, request.body.email);
      return { email: request.body.email, emailAvailable };
    },
  );

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
      const unread = await countUnread(db, userId);
      // The bell of the user's other tabs and devices follows.
      if (marked > 0) void app.realtime.notificationsChanged(userId, unread);
      return { marked, unread };
    },
  );
};
