// What one command (or a batch of timer commands) changes, written in ONE statement whatever the number
// of rows: each list becomes an INSERT or an UPDATE ... FROM unnest(...), and all of them run as
// data-modifying CTEs of a single statement (one round trip; foreign keys are checked at its end). All
// parts see the same snapshot, so a row must not be both inserted and changed here: the caller folds a
// change of a row it creates into the new row. The caller holds the instances' row locks.
import { type Compilable, type Kysely, type RawBuilder, sql } from "kysely";
import { json, type SystemTables } from "../tables";
import type { FlowInstanceStatus, NodeRunStatus, TaskKind, TaskStatus } from "./tables";

type Db = Kysely<SystemTables>;

export interface NewInstance {
  id: string;
  flowVersionId: string;
  formId: string;
  recordId: string;
  initiator: string | null;
  title: string;
}

export interface InstanceChange {
  id: string;
  state: unknown;
  status: FlowInstanceStatus;
  /** The revision after this change (the locked one + 1). */
  revision: number;
}

export interface NewNodeRun {
  id: string;
  instanceId: string;
  nodeId: string;
  kind: string;
  /** 1 for a node's first visit, 2 after a return to it, ... */
  visit: number;
  status?: NodeRunStatus;
  outcome?: string | null;
  startedAt: Date;
}

export interface NodeRunChange {
  id: string;
  status: NodeRunStatus;
  outcome: string | null;
}

export interface NewTask {
  id: string;
  instanceId: string;
  nodeRunId: string;
  nodeId: string;
  kind: TaskKind;
  assignee: string;
  origin: string;
  status: TaskStatus;
  formId: string;
  recordId: string;
  createdAt: Date;
  dueAt: Date | null;
  /** Set when the task is closed in the same transition that created it. */
  action?: string | null;
  comment?: string | null;
  signature?: unknown;
}

/** A task's new status; `assignee` set only when it moves to someone else, `action` when it is closed. */
export interface TaskChange {
  id: string;
  status: TaskStatus;
  assignee?: string;
  action?: string;
  comment?: string | null;
  signature?: unknown;
}

export interface NewTimer {
  id: string;
  instanceId: string;
  nodeRunId: string;
  kind: string;
  dueAt: Date;
}

export interface NewEvent {
  instanceId: string;
  revision: number;
  action: string;
  nodeId: string | null;
  nodeRunId: string | null;
  taskId: string | null;
  actor: string | null;
  data: unknown;
  at: Date;
}

export interface NewOutboxRow {
  instanceId: string | null;
  topic: string;
  payload: unknown;
}

/** A record's flow_status, mirrored from its instance's status. */
export interface RecordFlowStatus {
  /** The record table (`r_<form id hex>`). */
  table: string;
  recordId: string;
  flowStatus: string;
}

export interface WorkflowWrites {
  newInstances: NewInstance[];
  instances: InstanceChange[];
  newNodeRuns: NewNodeRun[];
  nodeRuns: NodeRunChange[];
  newTasks: NewTask[];
  tasks: TaskChange[];
  newTimers: NewTimer[];
  /** Pending timers to cancel. */
  cancelTimers: string[];
  /** Timers whose command this transaction ran. */
  firedTimers: string[];
  events: NewEvent[];
  outbox: NewOutboxRow[];
  recordStatuses: RecordFlowStatus[];
}

export function emptyWrites(): WorkflowWrites {
  return {
    newInstances: [],
    instances: [],
    newNodeRuns: [],
    nodeRuns: [],
    newTasks: [],
    tasks: [],
    newTimers: [],
    cancelTimers: [],
    firedTimers: [],
    events: [],
    outbox: [],
    recordStatuses: [],
  };
}

/** Appends `from` to `into` (a timer batch gathers the writes of many instances before one flush). */
export function mergeWrites(into: WorkflowWrites, from: WorkflowWrites): WorkflowWrites {
  for (const key of Object.keys(into) as (keyof WorkflowWrites)[]) {
    (into[key] as unknown[]).push(...(from[key] as unknown[]));
  }
  return into;
}

type Part = RawBuilder<unknown> | Compilable<unknown>;

/**
 * Writes everything in `w` in one statement. New instances are inserted with their first state from
 * `instances` (same id).
 */
export async function applyWrites(db: Db, w: WorkflowWrites): Promise<void> {
  const started = new Set(w.newInstances.map((i) => i.id));
  const changes = new Map(w.instances.map((c) => [c.id, c]));
  const updates = w.instances.filter((c) => !started.has(c.id));
  const parts: Part[] = [];
  if (w.newInstances.length > 0) parts.push(insertInstances(db, w.newInstances, changes));
  if (updates.length > 0) parts.push(updateInstances(updates));
  if (w.newNodeRuns.length > 0) parts.push(insertNodeRuns(db, w.newNodeRuns));
  if (w.nodeRuns.length > 0) parts.push(updateNodeRuns(w.nodeRuns));
  if (w.tasks.length > 0) parts.push(updateTasks(w.tasks));
  if (w.newTasks.length > 0) parts.push(insertTasks(db, w.newTasks));
  if (w.cancelTimers.length > 0) parts.push(cancelTimers(w.cancelTimers));
  if (w.firedTimers.length > 0) parts.push(markFired(w.firedTimers));
  if (w.newTimers.length > 0) parts.push(insertTimers(db, w.newTimers));
  if (w.events.length > 0) parts.push(insertEvents(db, w.events));
  if (w.outbox.length > 0) parts.push(insertOutbox(db, w.outbox));
  parts.push(...updateRecordStatuses(w.recordStatuses));
  if (parts.length === 0) return;
  if (parts.length === 1) {
    await sql`${parts[0]}`.execute(db);
    return;
  }
  const ctes = parts.map((part, i) => sql`${sql.raw(`w${i}`)} AS (${part})`);
  await sql`WITH ${sql.join(ctes)} SELECT 1`.execute(db);
}

const isFinished = (status: FlowInstanceStatus) => status !== "running";

function insertInstances(db: Db, rows: NewInstance[], changes: Map<string, InstanceChange>): Part {
  return db.insertInto("flow_instances").values(
    rows.map((row) => {
      const change = changes.get(row.id);
      if (!change) throw new Error(`new instance ${row.id} has no state`);
      return {
        id: row.id,
        flow_version_id: row.flowVersionId,
        form_id: row.formId,
        record_id: row.recordId,
        initiator: row.initiator,
        title: row.title,
        status: change.status,
        state: json(change.state),
        revision: change.revision,
        finished_at: isFinished(change.status) ? sql<Date>`now()` : null,
      };
    }),
  );
}

function updateInstances(rows: InstanceChange[]): Part {
  return sql`
    UPDATE flow_instances i SET
      state = v.state, status = v.status, revision = v.revision, updated_at = now(),
      finished_at = CASE WHEN v.status = 'running' THEN NULL ELSE coalesce(i.finished_at, now()) END
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => json(r.state))}::jsonb[],
                ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.revision)}::int[])
      AS v(id, state, status, revision)
    WHERE i.id = v.id`;
}

function insertNodeRuns(db: Db, rows: NewNodeRun[]): Part {
  return db.insertInto("flow_node_runs").values(
    rows.map((r) => ({
      id: r.id,
      instance_id: r.instanceId,
      node_id: r.nodeId,
      kind: r.kind,
      visit: r.visit,
      status: r.status ?? "active",
      started_at: r.startedAt,
      finished_at: r.status && r.status !== "active" ? r.startedAt : null,
    })),
  );
}

function updateNodeRuns(rows: NodeRunChange[]): Part {
  return sql`
    UPDATE flow_node_runs r SET status = v.status, outcome = coalesce(v.outcome, r.outcome),
      finished_at = CASE WHEN v.status = 'active' THEN NULL ELSE coalesce(r.finished_at, now()) END
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.status)}::text[],
                ${rows.map((r) => r.outcome)}::text[]) AS v(id, status, outcome)
    WHERE r.id = v.id`;
}

function insertTasks(db: Db, rows: NewTask[]): Part {
  return db.insertInto("flow_tasks").values(
    rows.map((t) => ({
      id: t.id,
      instance_id: t.instanceId,
      node_run_id: t.nodeRunId,
      node_id: t.nodeId,
      kind: t.kind,
      assignee: t.assignee,
      origin: t.origin,
      status: t.status,
      form_id: t.formId,
      record_id: t.recordId,
      created_at: t.createdAt,
      due_at: t.dueAt,
      completed_at: t.status === "done" || t.status === "cancelled" ? t.createdAt : null,
    })),
  );
}

function updateTasks(rows: TaskChange[]): Part {
  const signatures = rows.map((r) =>
    r.signature === undefined || r.signature === null ? null : json(r.signature),
  );
  // Back to 'pending' (a task its holder keeps, e.g. adding a parallel signer) clears the closing fields.
  return sql`
    UPDATE flow_tasks t SET status = v.status, assignee = coalesce(v.assignee, t.assignee),
      action = CASE WHEN v.status = 'pending' THEN NULL ELSE coalesce(v.action, t.action) END,
      comment = CASE WHEN v.status = 'pending' THEN NULL ELSE coalesce(v.comment, t.comment) END,
      signature = CASE WHEN v.status = 'pending' THEN NULL ELSE coalesce(v.signature, t.signature) END,
      completed_at = CASE WHEN v.status IN ('done', 'cancelled') THEN coalesce(t.completed_at, now())
                          ELSE NULL END
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.status)}::text[],
                ${rows.map((r) => r.assignee ?? null)}::uuid[], ${rows.map((r) => r.action ?? null)}::text[],
                ${rows.map((r) => r.comment ?? null)}::text[], ${signatures}::jsonb[])
      AS v(id, status, assignee, action, comment, signature)
    WHERE t.id = v.id`;
}

function cancelTimers(ids: string[]): Part {
  return sql`UPDATE flow_timers SET status = 'cancelled'
    WHERE id = ANY(${ids}::text[]) AND status = 'pending'`;
}

function markFired(ids: string[]): Part {
  return sql`UPDATE flow_timers SET status = 'fired', fired_at = now()
    WHERE id = ANY(${ids}::text[]) AND status = 'pending'`;
}

function insertTimers(db: Db, rows: NewTimer[]): Part {
  return db.insertInto("flow_timers").values(
    rows.map((t) => ({
      id: t.id,
      instance_id: t.instanceId,
      node_run_id: t.nodeRunId,
      kind: t.kind,
      due_at: t.dueAt,
      status: "pending" as const,
    })),
  );
}

function insertEvents(db: Db, rows: NewEvent[]): Part {
  return db.insertInto("flow_events").values(
    rows.map((e) => ({
      instance_id: e.instanceId,
      revision: e.revision,
      action: e.action,
      node_id: e.nodeId,
      node_run_id: e.nodeRunId,
      task_id: e.taskId,
      actor: e.actor,
      data: json(e.data ?? {}),
      at: e.at,
    })),
  );
}

function insertOutbox(db: Db, rows: NewOutboxRow[]): Part {
  return db
    .insertInto("flow_outbox")
    .values(rows.map((o) => ({ instance_id: o.instanceId, topic: o.topic, payload: json(o.payload) })));
}

/** One UPDATE per record table (a timer batch may span forms); no revision: the flow's events are the audit. */
function updateRecordStatuses(rows: RecordFlowStatus[]): Part[] {
  const byTable = new Map<string, RecordFlowStatus[]>();
  for (const row of rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row]);
  return [...byTable].map(
    ([table, list]) => sql`UPDATE ${sql.table(table)} r SET flow_status = v.flow_status
      FROM unnest(${list.map((r) => r.recordId)}::uuid[], ${list.map((r) => r.flowStatus)}::text[])
        AS v(id, flow_status)
      WHERE r.id = v.id`,
  );
}
