// Templates and bundles: the gallery (GET /api/templates, screenshots, install), exporting any app as a
// bundle with or without data, importing a bundle as a new app, and upgrading an app to its template's
// newer version. Installs, imports and upgrades run in one transaction each (see install.ts, upgrade.ts).

import { getAppTemplate, type MemberMode } from "@formwork/db";
import { validateTemplateBundle } from "@formwork/fields";
import { compareSemver, FormworkError, type Locale } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerClock } from "../../clock";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { getApp } from "../apps/apps-store";
import { currentUser } from "../auth/authenticate";
import type { AutomationRunner } from "../automations/runner";
import type { PublishedForms } from "../records/published-forms";
import type { IndexBuilds } from "../views/index-builds";
import { exportAppBundle } from "./export";
import type { TemplateGallery } from "./gallery";
import { type InstallResult, installBundle } from "./install";
import {
  appParams,
  exportQuery,
  importQuery,
  installBody,
  installResultSchema,
  screenshotParams,
  templateParams,
} from "./schemas";
import { upgradeApp } from "./upgrade";

export interface TemplatesPluginOptions {
  db: Db;
  config: ServerConfig;
  gallery: TemplateGallery;
  forms: PublishedForms;
  builds: IndexBuilds;
  /** Installs compute schedules and relative sample dates from the server's clock. */
  clock: ServerClock;
  /** Its cached automation lists are dropped after an upgrade changed automations. */
  runner: AutomationRunner;
}

/** Bundles with sample data are larger than a record body; still bounded. */
const BUNDLE_BODY_LIMIT = 32 * 1024 * 1024;

interface InstallBody {
  sampleData?: boolean;
  members?: MemberMode;
  name?: string;
  locale?: Locale;
}

export const templatesPlugin: FastifyPluginAsync<TemplatesPluginOptions> = async (
  app,
  { db, config, gallery, forms, builds, clock, runner },
) => {
  const afterCommit = (result: { viewForms: string[] }) => {
    for (const formId of result.viewForms) builds.schedule(formId);
    runner.forget();
  };
  const answer = ({ viewForms: _v, ...result }: InstallResult) => result;

  app.get("/api/templates", { schema: { tags: ["templates"] } }, async () => {
    const templates = await gallery.list();
    return {
      templates: templates.map((t) => ({
        ...t,
        screenshots: (t.manifest.screenshots ?? []).map((file) => `/api/templates/${t.name}/${file}`),
      })),
    };
  });

  app.get<{ Params: { name: string; "*": string } }>(
    "/api/templates/:name/screenshots/*",
    { schema: { tags: ["templates"], params: screenshotParams } },
    async (request, reply) => {
      const file = `screenshots/${request.params["*"]}`;
      const bytes = await gallery.screenshot(request.params.name, file);
      const type = file.endsWith(".png") ? "image/png" : file.endsWith(".webp") ? "image/webp" : "image/jpeg";
      return reply.type(type).header("cache-control", "private, max-age=3600").send(bytes);
    },
  );

  app.post<{ Params: { name: string }; Body: InstallBody | undefined }>(
    "/api/templates/:name/install",
    {
      config: { auth: "admin" },
      schema: {
        tags: ["templates"],
        params: templateParams,
        body: installBody,
        response: { 201: installResultSchema },
      },
    },
    async (request, reply) => {
      const bundle = await gallery.load(request.params.name);
      const body = request.body ?? {};
      const result = await installBundle(db, bundle, currentUser(request).userId, {
        source: "gallery",
        timeZone: config.timeZone,
        now: clock.now(),
        ...body,
      });
      afterCommit(result);
      return reply.status(201).send(answer(result));
    },
  );

  app.post<{ Body: unknown; Querystring: Omit<InstallBody, "name"> }>(
    "/api/apps/import",
    {
      bodyLimit: BUNDLE_BODY_LIMIT,
      config: { auth: "admin" },
      schema: { tags: ["templates"], querystring: importQuery, response: { 201: installResultSchema } },
    },
    async (request, reply) => {
      const checked = validateTemplateBundle(request.body);
      if (!checked.ok) {
        throw new FormworkError(
          "INVALID_DEFINITION",
          "The bundle cannot be imported until these problems are fixed",
          checked.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })),
        );
      }
      const result = await installBundle(db, checked.value, currentUser(request).userId, {
        source: "import",
        timeZone: config.timeZone,
        now: clock.now(),
        ...request.query,
      });
      afterCommit(result);
      return reply.status(201).send(answer(result));
    },
  );

  app.get<{ Params: { app: string }; Querystring: { data: boolean } }>(
    "/api/apps/:app/export",
    {
      config: { auth: "appAdmin" },
      schema: { tags: ["templates"], params: appParams, querystring: exportQuery },
    },
    async (request, reply) => {
      const bundle = await exportAppBundle(db, request.params.app, { data: request.query.data });
      const fileName = `${bundle.manifest.name}-${bundle.manifest.version}.json`;
      return reply.header("content-disposition", `attachment; filename="${fileName}"`).send(bundle);
    },
  );

  app.get<{ Params: { app: string } }>(
    "/api/apps/:app/template",
    { schema: { tags: ["templates"], params: appParams } },
    async (request) => {
      await getApp(db, request.params.app);
      const origin = await getAppTemplate(db, request.params.app);
      if (!origin) return { template: null };
      const latest = await gallery.load(origin.template).catch(() => null);
      const latestVersion = latest?.manifest.version ?? null;
      return {
        template: {
          name: origin.template,
          version: origin.version,
          source: origin.source,
          installedAt: origin.installedAt,
          upgradedAt: origin.upgradedAt,
          latestVersion,
          upgradable: latestVersion !== null && compareSemver(latestVersion, origin.version) > 0,
        },
      };
    },
  );

  app.post<{ Params: { app: string } }>(
    "/api/apps/:app/template/upgrade",
    { config: { auth: "admin" }, schema: { tags: ["templates"], params: appParams } },
    async (request) => {
      await getApp(db, request.params.app);
      const origin = await getAppTemplate(db, request.params.app);
      if (!origin) {
        throw new FormworkError("CONFLICT", "This app was not installed from a template", [
          { path: "/app", message: "no template recorded for this app", code: "NOT_FROM_TEMPLATE" },
        ]);
      }
      const bundle = await gallery.load(origin.template);
      const result = await upgradeApp(
        db,
        request.params.app,
        bundle,
        currentUser(request).userId,
        config.timeZone,
        clock.now(),
      );
      for (const formId of result.republished) forms.forget(formId);
      afterCommit(result);
      const { viewForms: _v, republished: _r, ...answer } = result;
      return answer;
    },
  );
};
