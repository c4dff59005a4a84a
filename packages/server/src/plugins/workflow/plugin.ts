// The workflow API (see README.md): inboxes, a task for its holder, task actions (one and batch), the
// initiator's withdraw and urge, admin changes, and a record's flow chart and log. Every state change is
// one transaction through WorkflowRuntime (a task action without a key: one guarded statement, see
// WorkflowRuntime.perform); an Idempotency-Key replays the first answer of a retry.
import { type InboxBox, listInbox, markCcRead } from "@formwork/db";
import { EngineError } from "@formwork/engine";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { Db } from "../../database";
import { localeOf } from "../../http/locale";
import { requestActor } from "../audit/audit-store";
import { currentUser } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import { toErrorResponse } from "../errors/to-error-response";
import { claimOrReplay, parseIdempotencyKey, requestFingerprint } from "../records/idempotency";
import type { PublishedForms } from "../records/published-forms";
import { type AdminBody, administerInstance } from "./admin";
import type { FlowVersions } from "./flows";
import type { TaskActionInput, WorkflowRuntime } from "./runtime";
import {
  actionBody,
  actionResponse,
  adminBody,
  batchBody,
  batchResponse,
  commandResponse,
  errorResponses,
  idempotencyHeaders,
  inboxQuery,
  inboxResponse,
  instanceActionBody,
  instanceParams,
  recordFlowParams,
  taskParams,
} from "./schemas";
import { nodeOf, recordFlow, taskView } from "./views";

export interface WorkflowPluginOptions {
  db: Db;
  forms: PublishedForms;
  flows: FlowVersions;
  runtime: WorkflowRuntime;
}

type TaskRoute = { Params: { task: string } };
type InstanceRoute = { Params: { id: string } };

export const workflowPlugin: FastifyPluginAsync<WorkflowPluginOptions> = async (
  app,
  { db, forms, flows, runtime },
) => {
  const events = runtime.deps.writeDeps.events;
  /** Runs a state change once per Idempotency-Key (claimed in the change's own transaction). */
  const once = async <T>(request: FastifyRequest, principal: Principal, work: (tx: Db) => Promise<T>) => {
    const key = parseIdempotencyKey(request.headers["idempotency-key"]);
    if (key === undefined) return { body: await events.transaction(db, work), replayed: false };
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const result = await events.transaction(db, (tx) =>
      claimOrReplay(tx, { scope: principal.userId, key, fingerprint }, async () => ({
        status: 200,
        body: await work(tx),
      })),
    );
    return { body: result.body as T, replayed: result.replayed };
  };

  app.get<{ Querystring: { box: InboxBox; q?: string; form?: string; limit?: number; cursor?: string } }>(
    "/api/tasks",
    { schema: { tags: ["workflow"], querystring: inboxQuery, response: { 200: inboxResponse } } },
    async (request) => {
      const { box, q, form, limit, cursor } = request.query;
      const page = await listInbox(db, {
        userId: currentUser(request).userId,
        box,
        ...(q ? { search: q } : {}),
        ...(form ? { formId: form } : {}),
        ...(limit ? { limit } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const items = await Promise.all(
        page.items.map(async ({ flowVersionId, nodeIds, ...item }) => {
          const flow = await flows.get(db, flowVersionId);
          const nodes = nodeIds.map((id) => {
            const node = nodeOf(flow, id);
            return { id, type: node?.type ?? "unknown", name: node?.name ?? id };
          });
          return { ...item, nodes };
        }),
      );
      return { ...page, items };
    },
  );

  app.get<TaskRoute>(
    "/api/tasks/:task",
    {
      schema: {
        tags: ["workflow"],
        params: taskParams,
        description:
          "The task, its node (allowed actions, return targets, field permissions) and the record with the node's hidden fields left out.",
      },
    },
    async (request) => taskView({ db, forms, flows }, currentUser(request), request.params.task),
  );

  app.post<TaskRoute & { Body: TaskActionInput }>(
    "/api/tasks/:task/actions",
    {
      schema: {
        tags: ["workflow"],
        params: taskParams,
        body: actionBody,
        headers: idempotencyHeaders,
        response: { 200: actionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const locale = localeOf(request);
      if (parseIdempotencyKey(request.headers["idempotency-key"]) === undefined)
        return runtime.perform(principal, request.params.task, request.body, locale);
      const { body, replayed } = await once(request, principal, (tx) =>
        runtime.act(tx, principal, request.params.task, request.body, locale),
      );
      if (replayed) reply.header("idempotent-replayed", "true");
      return body;
    },
  );

  app.post<{
    Body: { tasks: string[]; action: "approve" | "submit"; comment?: string; signature?: { fileId: string } };
  }>(
    "/api/tasks/actions",
    {
      schema: {
        tags: ["workflow"],
        body: batchBody,
        response: { 200: batchResponse },
        description:
          "Batch approve: each task on its own (one guarded statement or its own transaction); one item's failure does not undo another's.",
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const locale = localeOf(request);
      const { tasks, ...rest } = request.body;
      const results = [];
      for (const taskId of tasks) {
        try {
          const outcome = await runtime.perform(principal, taskId, rest, locale);
          results.push({ taskId, ok: true, status: 200, instanceStatus: outcome.status });
        } catch (error) {
          const answer = toErrorResponse(error);
          if (answer.unexpected) throw error;
          results.push({ taskId, ok: false, status: answer.status, error: answer.body.error });
        }
      }
      return { results };
    },
  );

  app.post<TaskRoute>(
    "/api/tasks/:task/read",
    { schema: { tags: ["workflow"], params: taskParams, description: "Marks a CC task read." } },
    async (request, reply) => {
      if (!(await markCcRead(db, request.params.task, currentUser(request).userId))) {
        throw new EngineError("TASK_NOT_FOUND", "No such CC task", "/task");
      }
      return reply.status(204).send();
    },
  );

  app.post<InstanceRoute & { Body: { action: "withdraw" | "urge"; comment?: string } }>(
    "/api/flow-instances/:id/actions",
    {
      schema: {
        tags: ["workflow"],
        params: instanceParams,
        body: instanceActionBody,
        headers: idempotencyHeaders,
        response: { 200: commandResponse, ...errorResponses },
        description: "The initiator withdraws (while nobody has acted) or urges the current assignees.",
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const { action, comment } = request.body;
      const { body, replayed } = await once(request, principal, (tx) =>
        runtime.command(
          tx,
          request.params.id,
          { type: action, actor: principal.userId, ...(comment ? { comment } : {}) },
          localeOf(request),
          principal,
        ),
      );
      if (replayed) reply.header("idempotent-replayed", "true");
      return body;
    },
  );

  app.post<InstanceRoute & { Body: AdminBody }>(
    "/api/flow-instances/:id/admin",
    {
      schema: {
        tags: ["workflow"],
        params: instanceParams,
        body: adminBody,
        headers: idempotencyHeaders,
        response: { 200: commandResponse, ...errorResponses },
        description:
          "System admins and the app's admins: change a pending task's assignee, end a running instance (`comment` is the reason, required), reactivate an ended or rejected one (at `target`, one of the flow view's `reactivateTargets`). Audited; 409 when the instance's state does not allow it.",
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const { body, replayed } = await once(request, principal, (tx) =>
        administerInstance(
          tx,
          runtime,
          principal,
          requestActor(request),
          request.params.id,
          request.body,
          localeOf(request),
        ),
      );
      if (replayed) reply.header("idempotent-replayed", "true");
      return body;
    },
  );

  app.get<{ Params: { form: string; id: string } }>(
    "/api/forms/:form/records/:id/flow",
    {
      schema: {
        tags: ["workflow"],
        params: recordFlowParams,
        description:
          "The record's flow: chart (every node with state done/current/pending/skipped), open tasks with remaining time, and the log.",
      },
    },
    async (request) => {
      const form = await forms.get(request.params.form);
      return recordFlow({ db, forms, flows }, currentUser(request), form, request.params.id);
    },
  );
};
