// Automations per app (issue 7): CRUD of definitions, the run log and retry, for the app's admins
// (system admins and app admins; everyone else gets 403 FORBIDDEN). Definitions are validated with
// their references against the app's published forms.
import {
  deleteAutomation,
  getAutomation,
  getRun,
  insertAutomation,
  listAutomations,
  listRuns,
  type StoredAutomation,
  updateAutomation,
} from "@formwork/db";
import { analyzeFormula } from "@formwork/expressions";
import {
  type AutomationDefinition,
  FormworkError,
  invalidDefinitionError,
  validateAutomation,
} from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerClock } from "../../clock";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import type { PublishedForms } from "../records/published-forms";
import type { AutomationRunner } from "./runner";
import { nextRunAt } from "./schedule";
import { appParams, automationParams, runParams, runsQuery, saveBody } from "./schemas";

export interface AutomationsPluginOptions {
  db: Db;
  config: ServerConfig;
  forms: PublishedForms;
  runner: AutomationRunner;
  clock: ServerClock;
}

type AppRoute = { Params: { app: string } };
type AutomationRoute = { Params: { app: string; id: string } };
interface SaveBody {
  definition: unknown;
  enabled: boolean;
  version?: number;
}

export const automationsPlugin: FastifyPluginAsync<AutomationsPluginOptions> = async (
  app,
  { db, config, forms, runner, clock },
) => {
  const adminOnly = { auth: "appAdmin" as const };

  /** The app's published forms by key, with their top-level fields' types: what references resolve to. */
  const appForms = async (appId: string) => {
    const rows = await db
      .selectFrom("forms")
      .select(["id", "key"])
      .where("app_id", "=", appId)
      .where("deleted_at", "is", null)
      .where("published_version", ">", 0)
      .execute();
    const byKey = new Map<string, { id: string; fields: Map<string, string> }>();
    for (const row of rows) {
      const form = await forms.get(row.id);
      byKey.set(row.key, { id: row.id, fields: new Map(form.definition.fields.map((f) => [f.id, f.type])) });
    }
    return byKey;
  };

  const checked = async (appId: string, body: SaveBody) => {
    const known = await appForms(appId);
    const context = { forms: new Map([...known].map(([key, form]) => [key, form.fields])) };
    const result = validateAutomation(body.definition, { context, analyzeFormula });
    if (!result.ok) {
      throw invalidDefinitionError(
        result.issues.map((issue) => ({ ...issue, path: `/definition${issue.path}` })),
        "automation",
      );
    }
    const definition: AutomationDefinition = result.value;
    const formId = known.get(definition.form)!.id;
    const next = nextRunAt(
      definition.trigger,
      clock.now(),
      config.timeZone,
      config.automations.dateRecheckMs,
    );
    return { appId, formId, definition, enabled: body.enabled, nextRunAt: next };
  };

  const found = async (appId: string, id: string): Promise<StoredAutomation> => {
    const automation = await getAutomation(db, appId, id);
    if (!automation) throw new FormworkError("NOT_FOUND", "No such automation");
    return automation;
  };

  app.get<AppRoute>(
    "/api/apps/:app/automations",
    { config: adminOnly, schema: { tags: ["automations"], params: appParams } },
    async (request) => ({ automations: await listAutomations(db, request.params.app) }),
  );

  app.post<AppRoute & { Body: SaveBody }>(
    "/api/apps/:app/automations",
    { config: adminOnly, schema: { tags: ["automations"], params: appParams, body: saveBody } },
    async (request, reply) => {
      const input = await checked(request.params.app, request.body);
      const created = await insertAutomation(db, input, currentUser(request).userId);
      runner.forget(created.formId);
      return reply.status(201).send(created);
    },
  );

  app.get<AutomationRoute>(
    "/api/apps/:app/automations/:id",
    { config: adminOnly, schema: { tags: ["automations"], params: automationParams } },
    async (request) => found(request.params.app, request.params.id),
  );

  app.put<AutomationRoute & { Body: SaveBody }>(
    "/api/apps/:app/automations/:id",
    { config: adminOnly, schema: { tags: ["automations"], params: automationParams, body: saveBody } },
    async (request) => {
      const before = await found(request.params.app, request.params.id);
      const input = await checked(request.params.app, request.body);
      const saved = await updateAutomation(db, request.params.id, input, request.body.version);
      runner.forget(before.formId);
      runner.forget(saved.formId);
      return saved;
    },
  );

  app.delete<AutomationRoute>(
    "/api/apps/:app/automations/:id",
    { config: adminOnly, schema: { tags: ["automations"], params: automationParams } },
    async (request, reply) => {
      const automation = await found(request.params.app, request.params.id);
      await deleteAutomation(db, request.params.app, request.params.id);
      runner.forget(automation.formId);
      return reply.status(204).send();
    },
  );

  app.get<AutomationRoute & { Querystring: { limit: number; cursor?: string } }>(
    "/api/apps/:app/automations/:id/runs",
    {
      config: adminOnly,
      schema: { tags: ["automations"], params: automationParams, querystring: runsQuery },
    },
    async (request) => {
      const automation = await found(request.params.app, request.params.id);
      const { limit, cursor } = request.query;
      return listRuns(db, automation.id, { limit, ...(cursor ? { before: cursor } : {}) });
    },
  );

  app.post<{ Params: { app: string; id: string; run: string } }>(
    "/api/apps/:app/automations/:id/runs/:run/retry",
    {
      config: adminOnly,
      schema: {
        tags: ["automations"],
        params: runParams,
        description:
          "Runs the automation again with the failed run's trigger and inputs (the trigger record as it was then).",
      },
    },
    async (request, reply) => {
      const automation = await found(request.params.app, request.params.id);
      const run = await getRun(db, automation.id, request.params.run);
      if (!run) throw new FormworkError("NOT_FOUND", "No such run");
      if (run.status !== "failed") {
        throw new FormworkError("CONFLICT", "Only a failed run can be retried", [
          { path: "/run", message: `the run ${run.status}` },
        ]);
      }
      const logged = run.inputs.record as { id: string; data: Record<string, unknown> } | undefined;
      const result = await runner.retry(automation, run, logged ?? null, currentUser(request).userId);
      return reply.status(201).send(result);
    },
  );
};
