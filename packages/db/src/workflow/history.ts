// What a record page shows of its flow: the instance, its node runs, its tasks with who holds them, and
// the append-only log with the actors' names — each one indexed query.
import { type Kysely, sql } from "kysely";
import type { SystemTables } from "../tables";
import { asUuid } from "../uuid-sql";
import type { FlowInstanceStatus, NodeRunStatus, TaskKind, TaskStatus } from "./tables";

type Db = Kysely<SystemTables>;

export interface InstanceView {
  id: string;
  flowVersionId: string;
  formId: string;
  recordId: string;
  initiator: { id: string; name: string } | null;
  status: FlowInstanceStatus;
  state: unknown;
  revision: number;
  title: string;
  startedAt: string;
  finishedAt: string | null;
  /** The database clock when read: remaining times are computed against it. */
  now: string;
}

export async function findInstance(
  db: Db,
  by: { id: string } | { recordId: string },
): Promise<InstanceView | null> {
  const where = "id" in by ? sql`i.id = ${by.id}::uuid` : sql`i.record_id = ${by.recordId}::uuid`;
  const { rows } = await sql<{
    id: string;
    flow_version_id: string;
    form_id: string;
    record_id: string;
    initiator: string | null;
    initiator_name: string | null;
    status: FlowInstanceStatus;
    state: unknown;
    revision: number;
    title: string;
    started_at: Date;
    finished_at: Date | null;
    now: Date;
  }>`SELECT i.id, i.flow_version_id, i.form_id, i.record_id, i.initiator, u.name AS initiator_name, i.status,
      i.state, i.revision, i.title, i.started_at, i.finished_at, now() AS now
    FROM flow_instances i LEFT JOIN users u ON u.id = i.initiator WHERE ${where}`.execute(db);
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    flowVersionId: r.flow_version_id,
    formId: r.form_id,
    recordId: r.record_id,
    initiator: r.initiator ? { id: r.initiator, name: r.initiator_name ?? "" } : null,
    status: r.status,
    state: r.state,
    revision: r.revision,
    title: r.title,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    now: r.now.toISOString(),
  };
}

export interface NodeRunView {
  id: string;
  nodeId: string;
  kind: string;
  visit: number;
  status: NodeRunStatus;
  outcome: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export async function listNodeRuns(db: Db, instanceId: string): Promise<NodeRunView[]> {
  const rows = await db
    .selectFrom("flow_node_runs")
    .selectAll()
    .where("instance_id", "=", instanceId)
    .orderBy("started_at")
    .orderBy("visit")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    kind: r.kind,
    visit: r.visit,
    status: r.status,
    outcome: r.outcome,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  }));
}

export interface TaskView {
  id: string;
  instanceId: string;
  nodeRunId: string;
  nodeId: string;
  kind: TaskKind;
  assignee: { id: string; name: string };
  origin: string;
  status: TaskStatus;
  action: string | null;
  comment: string | null;
  signature: unknown;
  createdAt: string;
  completedAt: string | null;
  dueAt: string | null;
  readAt: string | null;
}

type TaskViewRow = {
  id: string;
  instance_id: string;
  node_run_id: string;
  node_id: string;
  kind: TaskKind;
  assignee: string;
  assignee_name: string | null;
  origin: string;
  status: TaskStatus;
  action: string | null;
  comment: string | null;
  signature: unknown;
  created_at: Date;
  completed_at: Date | null;
  due_at: Date | null;
  read_at: Date | null;
};

const taskSelect = sql`t.id, t.instance_id, t.node_run_id, t.node_id, t.kind, t.assignee, u.name AS assignee_name,
  t.origin, t.status, t.action, t.comment, t.signature, t.created_at, t.completed_at, t.due_at, t.read_at
  FROM flow_tasks t LEFT JOIN users u ON u.id = t.assignee`;

function toTaskView(r: TaskViewRow): TaskView {
  return {
    id: r.id,
    instanceId: r.instance_id,
    nodeRunId: r.node_run_id,
    nodeId: r.node_id,
    kind: r.kind,
    assignee: { id: r.assignee, name: r.assignee_name ?? "" },
    origin: r.origin,
    status: r.status,
    action: r.action,
    comment: r.comment,
    signature: r.signature,
    createdAt: r.created_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    dueAt: r.due_at?.toISOString() ?? null,
    readAt: r.read_at?.toISOString() ?? null,
  };
}

/** Every task of the instance, cc rows included, in the order they arrived. */
export async function listTasks(db: Db, instanceId: string): Promise<TaskView[]> {
  const { rows } = await sql<TaskViewRow>`SELECT ${taskSelect}
    WHERE t.instance_id = ${instanceId}::uuid ORDER BY t.created_at, t.id`.execute(db);
  return rows.map(toTaskView);
}

export async function findTask(db: Db, taskId: string): Promise<TaskView | null> {
  const { rows } = await sql<TaskViewRow>`SELECT ${taskSelect} WHERE t.id = ${taskId}`.execute(db);
  return rows[0] ? toTaskView(rows[0]) : null;
}

/** Marks a cc row read by its recipient; false when it is not theirs (or not a cc row). */
export async function markCcRead(db: Db, taskId: string, userId: string): Promise<boolean> {
  const row = await db
    .updateTable("flow_tasks")
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where("id", "=", taskId)
    .where("assignee", "=", userId)
    .where("kind", "=", "cc")
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export interface EventView {
  id: number;
  at: string;
  /** A user, or null for the system (timers, automatic passes). */
  actor: { id: string; name: string } | null;
  action: string;
  nodeId: string | null;
  nodeRunId: string | null;
  taskId: string | null;
  comment: string | null;
  signature: unknown;
  /** Time taken, from the task's (or visit's) creation. */
  durationMs: number | null;
  detail: Record<string, unknown> | null;
}

/** The log, oldest first. */
export async function listEvents(db: Db, instanceId: string): Promise<EventView[]> {
  const { rows } = await sql<{
    id: number;
    at: Date;
    actor: string | null;
    actor_name: string | null;
    action: string;
    node_id: string | null;
    node_run_id: string | null;
    task_id: string | null;
    data: {
      comment?: string;
      signature?: unknown;
      durationMs?: number;
      detail?: Record<string, unknown>;
    };
  }>`SELECT e.id, e.at, e.actor, u.name AS actor_name, e.action, e.node_id, e.node_run_id, e.task_id, e.data
    FROM flow_events e LEFT JOIN users u ON u.id = ${asUuid(sql`e.actor`)}
    WHERE e.instance_id = ${instanceId}::uuid ORDER BY e.id`.execute(db);
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    actor: r.actor && r.actor !== "system" ? { id: r.actor, name: r.actor_name ?? "" } : null,
    action: r.action,
    nodeId: r.node_id,
    nodeRunId: r.node_run_id,
    taskId: r.task_id,
    comment: r.data.comment ?? null,
    signature: r.data.signature ?? null,
    durationMs: r.data.durationMs ?? null,
    detail: r.data.detail ?? null,
  }));
}
