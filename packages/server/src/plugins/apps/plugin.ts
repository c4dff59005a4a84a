import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import { listForms } from "../forms/forms-store";
import { formSummarySchema } from "../forms/schemas";
import { createApp, deleteApp, getApp, listApps, updateApp } from "./apps-store";
import { appParams, appSchema, createAppBody, updateAppBody } from "./schemas";

type AppParams = { Params: { app: string } };

/** Apps: any signed-in user reads them, admins manage them. */
export const appsPlugin: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/apps",
    {
      schema: {
        tags: ["apps"],
        response: { 200: { type: "object", properties: { apps: { type: "array", items: appSchema } } } },
      },
    },
    async () => ({ apps: await listApps(db) }),
  );

  app.post<{ Body: { name: string; description?: string | null } }>(
    "/api/apps",
    {
      config: { auth: "admin" },
      schema: { tags: ["apps"], body: createAppBody, response: { 201: appSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createApp(db, request.body, currentUser(request).userId)),
  );

  app.get<AppParams>(
    "/api/apps/:app",
    {
      schema: {
        tags: ["apps"],
        params: appParams,
        response: {
          200: {
            type: "object",
            properties: { ...appSchema.properties, forms: { type: "array", items: formSummarySchema } },
          },
        },
      },
    },
    async (request) => {
      const found = await getApp(db, request.params.app);
      return { ...found, forms: await listForms(db, found.id) };
    },
  );

  app.patch<AppParams & { Body: { name?: string; description?: string | null } }>(
    "/api/apps/:app",
    {
      config: { auth: "admin" },
      schema: { tags: ["apps"], params: appParams, body: updateAppBody, response: { 200: appSchema } },
    },
    async (request) => updateApp(db, request.params.app, request.body),
  );

  app.delete<AppParams>(
    "/api/apps/:app",
    { config: { auth: "admin" }, schema: { tags: ["apps"], params: appParams } },
    async (request, reply) => {
      await deleteApp(db, request.params.app);
      return reply.status(204).send();
    },
  );
};
