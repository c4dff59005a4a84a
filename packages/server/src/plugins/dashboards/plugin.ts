// Dashboards per app (仪表盘): CRUD at /api/apps/:app/dashboards. Every signed-in member who may open
// the app (some right on one of its forms) reads them (their widgets' data comes through POST /api/forms/:form/aggregate under the
// viewer's own row and field rights); the app's administrators create, change and delete them.
// Writes name the version they read in If-Match (optional, as form drafts), answered with an ETag.
import {
  deleteDashboard,
  formsWithRights,
  getDashboard,
  insertDashboard,
  isAppAdmin,
  listDashboards,
  updateDashboard,
} from "@formwork/db";
import { type DashboardDefinition, FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { etagOf, parseIfMatch } from "../../http/if-match";
import { getApp } from "../apps/apps-store";
import { currentUser } from "../auth/authenticate";
import type { PublishedForms } from "../records/published-forms";
import { checkDashboard } from "./check";
import { requestDashboardRollups } from "./rollups";
import {
  appParams,
  dashboardBody,
  dashboardParams,
  dashboardSchema,
  dashboardSummarySchema,
  ifMatchHeaders,
} from "./schemas";

type AppParams = { Params: { app: string } };
type DashboardParams = { Params: { app: string; dashboard: string } };

export interface DashboardsPluginOptions {
  db: Db;
  forms: PublishedForms;
  config: ServerConfig;
}

export const dashboardsPlugin: FastifyPluginAsync<DashboardsPluginOptions> = async (
  app,
  { db, forms, config },
) => {
  // Rollups are an optimisation: a failed build leaves the widgets scanning, never the save failed.
  const askForRollups = (request: FastifyRequest, appId: string, definition: DashboardDefinition) =>
    requestDashboardRollups(db, forms, appId, definition, config.timeZone).catch((error: unknown) =>
      request.log.warn({ err: error }, "dashboard rollups not built"),
    );

  /** Readers are those who may open the app (as its menu decides): admins, or a right on one of its forms. */
  const requireAppReader = async (request: FastifyRequest, appId: string) => {
    const { isAdmin, userId } = currentUser(request);
    if (isAdmin || (await isAppAdmin(db, appId, userId))) return;
    if ((await formsWithRights(db, appId, userId)).size > 0) return;
    throw new FormworkError("FORBIDDEN", "You hold no right in this app");
  };

  app.get<AppParams>(
    "/api/apps/:app/dashboards",
    {
      schema: {
        tags: ["dashboards"],
        params: appParams,
        response: {
          200: {
            type: "object",
            properties: { dashboards: { type: "array", items: dashboardSummarySchema } },
          },
        },
      },
    },
    async (request) => {
      const found = await getApp(db, request.params.app);
      await requireAppReader(request, found.id);
      return { dashboards: await listDashboards(db, found.id) };
    },
  );

  app.post<AppParams & { Body: unknown }>(
    "/api/apps/:app/dashboards",
    {
      config: { auth: "appAdmin" },
      schema: {
        tags: ["dashboards"],
        params: appParams,
        body: dashboardBody,
        response: { 201: dashboardSchema },
      },
    },
    async (request, reply) => {
      const found = await getApp(db, request.params.app);
      const definition = await checkDashboard(db, found.id, request.body);
      const saved = await insertDashboard(db, found.id, definition, currentUser(request).userId);
      await askForRollups(request, found.id, definition);
      return reply.status(201).header("etag", etagOf(saved.version)).send(saved);
    },
  );

  app.get<DashboardParams>(
    "/api/apps/:app/dashboards/:dashboard",
    { schema: { tags: ["dashboards"], params: dashboardParams, response: { 200: dashboardSchema } } },
    async (request, reply) => {
      const found = await getDashboard(db, request.params.app, request.params.dashboard);
      await requireAppReader(request, found.appId);
      return reply.header("etag", etagOf(found.version)).send(found);
    },
  );

  app.put<DashboardParams & { Body: unknown }>(
    "/api/apps/:app/dashboards/:dashboard",
    {
      config: { auth: "appAdmin" },
      schema: {
        tags: ["dashboards"],
        params: dashboardParams,
        body: dashboardBody,
        headers: ifMatchHeaders,
        response: { 200: dashboardSchema },
      },
    },
    async (request, reply) => {
      const expected = parseIfMatch(request.headers["if-match"], false, "dashboard");
      const definition = await checkDashboard(db, request.params.app, request.body);
      const saved = await updateDashboard(
        db,
        request.params.app,
        request.params.dashboard,
        definition,
        expected,
      );
      await askForRollups(request, (await getApp(db, request.params.app)).id, definition);
      return reply.header("etag", etagOf(saved.version)).send(saved);
    },
  );

  app.delete<DashboardParams>(
    "/api/apps/:app/dashboards/:dashboard",
    { config: { auth: "appAdmin" }, schema: { tags: ["dashboards"], params: dashboardParams } },
    async (request, reply) => {
      await deleteDashboard(db, request.params.app, request.params.dashboard);
      return reply.status(204).send();
    },
  );
};
