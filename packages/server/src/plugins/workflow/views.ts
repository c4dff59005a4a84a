// Read models of the workflow API: a task as its holder sees it (the record cut down to the node's
// visible fields: hidden ones are never sent), and a record's flow (chart states and the log).
import {
  findInstance,
  findTask,
  isAdminOfAppOrForm,
  listEvents,
  listNodeRuns,
  listTasks,
  type PublishedForm,
} from "@formwork/db";
import {
  canWithdraw,
  fieldPermission,
  type InstanceState,
  NODE_HANDLERS,
  reactivationTargets,
  returnTargetsOf,
  visibleFields,
} from "@formwork/engine";
import { type FieldDefinition, type FlowNode, FormworkError } from "@formwork/schema";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import type { PublishedForms } from "../records/published-forms";
import { recordPasses } from "../records/record-access";
import type { FlowVersions, LoadedFlow } from "./flows";
import { currentRecords } from "./records";

export interface ViewDeps {
  db: Db;
  forms: PublishedForms;
  flows: FlowVersions;
}

function nodeSummary(node: FlowNode | undefined, id: string) {
  return { id, type: node?.type ?? "unknown", name: node?.name ?? id };
}

export function nodeOf(flow: LoadedFlow, nodeId: string): FlowNode | undefined {
  return flow.engine.definition.nodes.find((n) => n.id === nodeId);
}

/** The form's fields cut down to `visible` paths, each with its permission at the node. */
function permittedFields(
  flow: LoadedFlow,
  nodeId: string,
  fields: readonly FieldDefinition[],
  visible: Set<string>,
) {
  return fields
    .filter((f) => visible.has(f.id))
    .map((f) => {
      const permission = fieldPermission(flow.engine, nodeId, f.id);
      if (f.type !== "subform") return { ...f, permission };
      return {
        ...f,
        permission,
        fields: f.fields
          .filter((c) => visible.has(`${f.id}.${c.id}`))
          .map((c) => ({ ...c, permission: fieldPermission(flow.engine, nodeId, `${f.id}.${c.id}`) })),
      };
    });
}

/** Drops every value the node hides, sub-form columns included. */
export function visibleData(
  data: Record<string, unknown>,
  fields: readonly FieldDefinition[],
  visible: Set<string>,
) {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!visible.has(field.id) || !Object.hasOwn(data, field.id)) continue;
    const value = data[field.id];
    if (field.type === "subform" && Array.isArray(value)) {
      out[field.id] = value.map((row: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(row).filter(([key]) => key === "id" || visible.has(`${field.id}.${key}`)),
        ),
      );
    } else out[field.id] = value;
  }
  return out;
}

/** A task for its holder (or an admin): the node, what may be done, and the record as the node shows it. */
export async function taskView(deps: ViewDeps, principal: Principal, taskId: string) {
  const task = await findTask(deps.db, taskId);
  if (!task || (task.assignee.id !== principal.userId && !principal.isAdmin)) {
    throw new FormworkError("NOT_FOUND", "No such task", [
      { path: "/task", message: "not found", code: "TASK_NOT_FOUND" },
    ]);
  }
  const instance = (await findInstance(deps.db, { id: task.instanceId }))!;
  const flow = await deps.flows.get(deps.db, instance.flowVersionId);
  const form = await deps.forms.get(instance.formId);
  const record = (await currentRecords(deps.db, form, [instance.recordId])).get(instance.recordId);
  // The app whose forms the record's link fields name: the task page looks their titles up by form key.
  const owner = await deps.db
    .selectFrom("forms")
    .select("app_id")
    .where("id", "=", form.id)
    .executeTakeFirst();
  const node = nodeOf(flow, task.nodeId);
  const visible = new Set(visibleFields(flow.engine, task.nodeId, form.definition.fields));
  const state = instance.state as InstanceState;
  const pending = task.status === "pending";
  return {
    task,
    node: {
      ...nodeSummary(node, task.nodeId),
      mode: node && "mode" in node ? (node.mode ?? "any") : null,
      actions: pending && task.kind !== "cc" ? [...(NODE_HANDLERS[node?.type ?? "end"]?.actions ?? [])] : [],
      returnTargets: pending
        ? returnTargetsOf(state, task.nodeRunId).map((id) => nodeSummary(nodeOf(flow, id), id))
        : [],
    },
    instance: instanceSummary(instance),
    form: {
      id: form.id,
      appId: owner?.app_id ?? null,
      name: form.definition.name,
      version: form.version,
      fields: permittedFields(flow, task.nodeId, form.definition.fields, visible),
    },
    record: record ? { ...record, data: visibleData(record.data, form.definition.fields, visible) } : null,
  };
}

function instanceSummary(instance: NonNullable<Awaited<ReturnType<typeof findInstance>>>) {
  return {
    id: instance.id,
    status: instance.status,
    revision: instance.revision,
    title: instance.title,
    initiator: instance.initiator,
    startedAt: instance.startedAt,
    finishedAt: instance.finishedAt,
  };
}

type NodeState = "done" | "current" | "pending" | "skipped";

/**
 * A record's flow: the chart (every node of the pinned version with its state: done, current, pending,
 * or skipped when the flow went another way), the open tasks with their remaining time, and the log.
 */
export async function recordFlow(
  deps: ViewDeps,
  principal: Principal,
  form: PublishedForm,
  recordId: string,
) {
  const instance = await findInstance(deps.db, { recordId });
  if (!instance || instance.formId !== form.id) {
    throw new FormworkError("NOT_FOUND", "This record has no flow", [
      { path: "/id", message: "no flow instance" },
    ]);
  }
  const [runs, tasks, events] = await Promise.all([
    listNodeRuns(deps.db, instance.id),
    listTasks(deps.db, instance.id),
    listEvents(deps.db, instance.id),
  ]);
  const involved =
    instance.initiator?.id === principal.userId || tasks.some((t) => t.assignee.id === principal.userId);
  if (!involved && !(await recordPasses(deps.db, principal, form, recordId, "read"))) {
    throw new FormworkError("NOT_FOUND", "No such record");
  }
  // Who may change assignees, end and reactivate (POST /api/flow-instances/:id/admin): the UI's buttons.
  const canAdminister =
    principal.isAdmin || (await isAdminOfAppOrForm(deps.db, principal.userId, { formId: form.id }));
  const flow = await deps.flows.get(deps.db, instance.flowVersionId);
  const now = Date.parse(instance.now);
  const state = instance.state as InstanceState;
  const finished = instance.status !== "running";
  const nodes = flow.engine.definition.nodes.map((node) => {
    const visits = runs.filter((r) => r.nodeId === node.id);
    const last = visits.at(-1);
    const stateOf: NodeState = !last
      ? finished
        ? "skipped"
        : "pending"
      : last.status === "active"
        ? "current"
        : last.status === "completed"
          ? "done"
          : "pending";
    return {
      ...nodeSummary(node, node.id),
      position: node.position ?? null,
      state: stateOf,
      visits: visits.length,
      outcome: last?.outcome ?? null,
    };
  });
  const nodeName = (id: string | null) => (id ? (nodeOf(flow, id)?.name ?? id) : null);
  return {
    instance: {
      ...instanceSummary(instance),
      flowVersion: flow.engine.version,
      canWithdraw: canWithdraw(state),
      canAdminister,
      /** Where an admin may reactivate a finished instance, the default (where it stopped) first. */
      reactivateTargets: canAdminister
        ? reactivationTargets(state).map((id) => nodeSummary(nodeOf(flow, id), id))
        : [],
    },
    chart: { nodes, edges: flow.engine.definition.edges },
    current: tasks
      .filter((t) => t.status === "pending")
      .map((t) => ({
        taskId: t.id,
        nodeId: t.nodeId,
        nodeName: nodeName(t.nodeId),
        assignee: t.assignee,
        createdAt: t.createdAt,
        dueAt: t.dueAt,
        /** Negative once overdue. */
        remainingMs: t.dueAt ? Date.parse(t.dueAt) - now : null,
        waitingMs: now - Date.parse(t.createdAt),
      })),
    cc: tasks
      .filter((t) => t.kind === "cc")
      .map((t) => ({ nodeId: t.nodeId, user: t.assignee, readAt: t.readAt })),
    log: events.map((e) => ({ ...e, nodeName: nodeName(e.nodeId) })),
  };
}
