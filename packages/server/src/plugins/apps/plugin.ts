import { appsWithRights, formsWithRights, isAppAdmin, listDashboards } from "@formwork/db";
import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { parseIfMatch } from "../../http/if-match";
import { currentUser } from "../auth/authenticate";
import { listForms } from "../forms/forms-store";
import { formSummarySchema } from "../forms/schemas";
import { type AppInput, createApp, deleteApp, getApp, listApps, updateApp } from "./apps-store";
import type { MenuLayout } from "./menu-layout";
import { dashboardOrder, menuFor, menuOrder } from "./menu-layout";
import { getMenu, saveMenu } from "./menu-store";
import {
  appParams,
  appSchema,
  createAppBody,
  menuBody,
  menuResponseProperties,
  updateAppBody,
} from "./schemas";

type AppParams = { Params: { app: string } };

/**
 * Apps: admins manage them; a member sees the apps and forms they hold some right on (a form without a
 * permission set including them is closed to them), its admins and system admins see everything.
 */
export const appsPlugin: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/apps",
    {
      schema: {
        tags: ["apps"],
        response: { 200: { type: "object", properties: { apps: { type: "array", items: appSchema } } } },
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const apps = await listApps(db);
      if (principal.isAdmin) return { apps };
      const open = await appsWithRights(db, principal.userId);
      return { apps: apps.filter((one) => open.has(one.id)) };
    },
  );

  app.post<{ Body: AppInput }>(
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
            properties: {
              ...appSchema.properties,
              forms: { type: "array", items: formSummarySchema },
              dashboards: {
                type: "array",
                description: "the dashboards the caller sees in the menu, in menu order",
                items: {
                  type: "object",
                  properties: { id: { type: "string" }, title: { type: "string" } },
                },
              },
              ...menuResponseProperties,
              canManage: {
                type: "boolean",
                description: "the caller administers the app (system or app admin): automations, webhooks",
              },
            },
          },
        },
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const found = await getApp(db, request.params.app);
      const canManage = principal.isAdmin || (await isAppAdmin(db, found.id, principal.userId));
      const [forms, dashboards, stored, allowed] = await Promise.all([
        listForms(db, found.id),
        listDashboards(db, found.id),
        getMenu(db, found.id),
        canManage ? null : formsWithRights(db, found.id, principal.userId),
      ]);
      // A member who holds no right on any of the app's forms may not open the app, nor its dashboards.
      const menu = allowed
        ? { ...stored, menu: menuFor(stored.menu, { forms: allowed, dashboards: allowed.size > 0 }) }
        : stored;
      // Both come in menu order, so a client that ignores groups still shows them as arranged.
      const formsById = new Map(forms.map((form) => [form.id, form]));
      const dashboardsById = new Map(dashboards.map((one) => [one.id, { id: one.id, title: one.title }]));
      return {
        ...found,
        forms: menuOrder(menu.menu).flatMap((id) => formsById.get(id) ?? []),
        dashboards: dashboardOrder(menu.menu).flatMap((id) => dashboardsById.get(id) ?? []),
        ...menu,
        canManage,
      };
    },
  );

  app.put<AppParams & { Body: { menu: MenuLayout } }>(
    "/api/apps/:app/menu",
    {
      config: { auth: "appAdmin" },
      schema: {
        tags: ["apps"],
        params: appParams,
        body: menuBody,
        headers: { type: "object", properties: { "if-match": { type: "string" } } },
        response: { 200: { type: "object", properties: menuResponseProperties } },
      },
    },
    async (request) => {
      const expected = parseIfMatch(request.headers["if-match"], true, "menu")!;
      return saveMenu(db, request.params.app, request.body.menu, expected);
    },
  );

  app.patch<AppParams & { Body: Partial<AppInput> }>(
    "/api/apps/:app",
    {
      config: { auth: "appAdmin" },
      schema: { tags: ["apps"], params: appParams, body: updateAppBody, response: { 200: appSchema } },
    },
    async (request) => updateApp(db, request.params.app, request.body),
  );

  app.delete<AppParams>(
    "/api/apps/:app",
    { config: { auth: "admin" }, schema: { tags: ["apps"], params: appParams } },
    async (request, reply) => {
      await deleteApp(db, request.params.app);
      // Its forms are gone: the records path must stop serving them from its cache.
      app.publishedForms.forget();
      return reply.status(204).send();
    },
  );
};
