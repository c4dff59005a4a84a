// The app factory: one Fastify instance per call, each feature a plugin with its routes, schemas and
// errors together. Tests build it over a throwaway database and drive it with `app.inject()`.
import { join } from "node:path";
import cookie from "@fastify/cookie";
import type { DatabaseKind } from "@formwork/db";
import Fastify, { type FastifyInstance } from "fastify";
import { ServerClock } from "./clock";
import { resolveConfig, type ServerConfigInput } from "./config";
import type { Db } from "./database";
import { registerJsonBodyParser } from "./http/json-body";
import { validatorCompiler } from "./http/validator-compiler";
import { aggregatePlugin } from "./plugins/aggregate/plugin";
import { appsPlugin } from "./plugins/apps/plugin";
import { orgAuditHook } from "./plugins/audit/org-hook";
import { auditPlugin } from "./plugins/audit/plugin";
import { authenticateHook } from "./plugins/auth/authenticate";
import { CredentialCache } from "./plugins/auth/credential-cache";
import { authPlugin } from "./plugins/auth/plugin";
import { apiRateLimitHooks } from "./plugins/auth/rate-limits";
import { automationsPlugin } from "./plugins/automations/plugin";
import { createAutomations } from "./plugins/automations/setup";
import { testClockPlugin } from "./plugins/automations/test-clock";
import { commentsPlugin } from "./plugins/comments/plugin";
import { dashboardsPlugin } from "./plugins/dashboards/plugin";
import { errorsPlugin } from "./plugins/errors/plugin";
import { FileStorage } from "./plugins/files/file-storage";
import { filesPlugin } from "./plugins/files/plugin";
import { formsPlugin } from "./plugins/forms/plugin";
import { healthPlugin } from "./plugins/health/plugin";
import { importPlugin } from "./plugins/import/plugin";
import { createImportWorker } from "./plugins/import/setup";
import { notificationsPlugin } from "./plugins/notifications/plugin";
import { openapiPlugin } from "./plugins/openapi/plugin";
import { orgPlugin } from "./plugins/org/plugin";
import { createOutbox } from "./plugins/outbox/setup";
import { permissionsPlugin } from "./plugins/permissions/plugin";
import { printPlugin } from "./plugins/print/plugin";
import { publicLinksPlugin } from "./plugins/public-links/plugin";
import { type PubSub, Realtime } from "./plugins/realtime/realtime";
import { AggregateUpkeep } from "./plugins/records/aggregates/upkeep";
import { RecordEventHub } from "./plugins/records/events";
import { recordsPlugin } from "./plugins/records/plugin";
import { PublishedForms } from "./plugins/records/published-forms";
import { TemplateGallery } from "./plugins/templates/gallery";
import { templatesPlugin } from "./plugins/templates/plugin";
import { usersPlugin } from "./plugins/users/plugin";
import { IndexBuilds } from "./plugins/views/index-builds";
import { viewsPlugin } from "./plugins/views/plugin";
import { webPlugin } from "./plugins/web/plugin";
import { webhooksPlugin } from "./plugins/webhooks/plugin";
import { workflowPlugin } from "./plugins/workflow/plugin";
import { createWorkflow } from "./plugins/workflow/setup";

export interface BuildAppOptions {
  db: Db;
  kind: DatabaseKind;
  /** Uploaded files live under `<dataDir>/files/`. */
  dataDir: string;
  config?: ServerConfigInput;
  /** The built web app (apps/web/dist); when given, served at `/` with a placeholder until it is built. */
  webDistDir?: string;
  /** The template gallery's folder (the repository's `templates/`); without it the gallery is empty. */
  templatesDir?: string;
  /** PostgreSQL only: the pool realtime's adapter fans events out through to the other instances. */
  pubsub?: PubSub;
}

export async function buildApp({
  db,
  kind,
  dataDir,
  config: input,
  webDistDir,
  templatesDir,
  pubsub,
}: BuildAppOptions): Promise<FastifyInstance> {
  const config = resolveConfig(input);
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    logger: config.logLevel === false ? false : { level: config.logLevel },
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // Long-running requests are bounded; a stuck client cannot hold a connection forever.
    requestTimeout: 60_000,
    ajv: { customOptions: { allErrors: true } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.decorateRequest("principal", null);
  app.decorate("databaseKind", kind);

  await app.register(errorsPlugin);
  registerJsonBodyParser(app);
  await app.register(cookie);
  await app.register(openapiPlugin);
  await app.register(healthPlugin, { db });

  const forms = new PublishedForms(db);
  app.decorate("publishedForms", forms);
  const credentials = new CredentialCache();
  app.decorate("credentialCache", credentials);
  const realtime = new Realtime(app, { db, config, forms, credentials, ...(pubsub ? { pubsub } : {}) });
  app.decorate("realtime", realtime);
  app.addHook("onReady", async () => realtime.start());
  app.addHook("preClose", async () => realtime.close());
  const storage = new FileStorage(join(dataDir, "files"));
  // Indexes of saved views are built off the request path; a restart resumes what was left open.
  const builds = new IndexBuilds(db, kind, app.log, (formId) => forms.forget(formId));
  app.decorate("viewIndexBuilds", builds);
  app.addHook("onReady", async () => builds.resume());
  app.addHook("onClose", async () => builds.close());
  // Every record and flow change is emitted through one hub (automations, webhooks, realtime listen).
  const events = new RecordEventHub(app.log);
  app.decorate("recordEvents", events);
  // Realtime hints after commit: grids of viewers who may see the record, inboxes of whom a flow moved.
  events.afterRecordCommit(({ formId, record, kind }) =>
    realtime.recordChanged({ formId, recordId: record.id, kind, version: record.version }),
  );
  events.afterRecordsCommit((changes) => realtime.recordsChanged(changes));
  events.afterFlowCommit((change) => {
    realtime.tasksChanged([...(change.assigneeIds ?? []), ...(change.actor ? [change.actor.userId] : [])]);
    // The record's flow status moved: its grid rows refetch (version unknown here).
    realtime.recordChanged({ formId: change.formId, recordId: change.recordId, kind: "updated", version: 0 });
  });
  // Aggregation fields (a customer's contract total) follow every change of the records they total.
  const aggregates = new AggregateUpkeep(db, forms, config.timeZone);
  aggregates.install(events);
  forms.onForget(() => aggregates.forget());
  const workflow = createWorkflow(app, db, forms, config, events);
  const outbox = createOutbox(app, db, config);
  const clock = new ServerClock();
  app.decorate("clock", clock);
  const automations = createAutomations(app, db, forms, events, config, clock, workflow.runtime);
  const importWorker = createImportWorker(app, db, kind, storage, forms, config, {
    events,
    recordFlows: workflow.runtime,
  });
  // Everything below is behind authentication (routes opt out with `config: { auth: "public" }`).
  await app.register(async (api) => {
    const rateLimits = await apiRateLimitHooks(api, config.rateLimits);
    api.addHook("onRequest", rateLimits.beforeAuth);
    api.addHook("onRequest", authenticateHook(db, config, credentials));
    api.addHook("onRequest", rateLimits.afterAuth);
    await api.register(authPlugin, { db, config, credentials });
    await api.register(usersPlugin, { db });
    await api.register(orgPlugin, {
      db,
      config,
      hooks: { audit: orgAuditHook, memberDisabled: (id) => realtime.disconnectUser(id) },
    });
    await api.register(appsPlugin, { db });
    await api.register(formsPlugin, { db, forms, config });
    await api.register(recordsPlugin, {
      db,
      config,
      forms,
      storage,
      events,
      recordFlows: workflow.runtime,
    });
    await api.register(workflowPlugin, { db, forms, ...workflow });
    await api.register(filesPlugin, { db, config, storage, forms });
    await api.register(printPlugin, { db, config, forms, flows: workflow.flows, storage });
    await api.register(viewsPlugin, { db, config, forms, builds });
    await api.register(permissionsPlugin, { db, config, forms, builds });
    await api.register(publicLinksPlugin, {
      db,
      config,
      forms,
      events,
      recordFlows: workflow.runtime,
    });
    await api.register(auditPlugin, { db });
    await api.register(aggregatePlugin, { db, config, forms });
    await api.register(dashboardsPlugin, { db, forms, config });
    await api.register(importPlugin, { db, config, storage, forms, worker: importWorker });
    await api.register(commentsPlugin, { db, forms });
    await api.register(notificationsPlugin, { db, config });
    const gallery = new TemplateGallery(templatesDir ?? null);
    await api.register(templatesPlugin, {
      db,
      config,
      gallery,
      forms,
      builds,
      clock,
      runner: automations.runner,
    });
    await api.register(webhooksPlugin, { db, config, events, forms, dispatcher: outbox.dispatcher });
    await api.register(automationsPlugin, { db, config, forms, runner: automations.runner, clock });
    if (config.testClock) await api.register(testClockPlugin, { clock, poller: automations.poller });
  });
  await app.register(webPlugin, { distDir: webDistDir });
  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    databaseKind: DatabaseKind;
    clock: ServerClock;
  }
}
