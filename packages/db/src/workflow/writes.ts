// What one command (or a batch of timer commands) changes, written in ONE statement whatever the number
// of rows: each list becomes an INSERT or an UPDATE ... FROM unnest(...), and all of them run as
// data-modifying CTEs of a single statement (one round trip; foreign keys are checked at its end). All
// parts see the same snapshot, so a row must not be both inserted and changed here: the caller folds a
// change of a row it creates into the new row. The caller holds the instances' row locks, or writes with
// applyStepsIfUnchanged, which locks nothing beforehand and writes only if the instances did not move.
import { type Kysely, type RawBuilder, sql } from "kysely";
import { flowNotificationsPart } from "../notifications/from-flow";
import { prepared } from "../prepared";
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
  /** The revision after this change (the one stepped from + 1): the row is written only if it still has that one. */
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
  /** The step's notify effects: written as the recipients' notification rows (flow_outbox is not written). */
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

type Part = RawBuilder<unknown>;

/**
 * How the parts are written inside another statement (a record insert that starts its flow, see
 * writeParts, or an optimistic command's instance update, see applyStepsIfUnchanged): `gate` — every
 * row is written only when it holds (the insert wrote its record, the instance had not moved);
 * `clockBase` — the time the engine stepped with, read from this process's clock before the statement:
 * every time in the rows is moved by the statement's `now()` minus it, so they are database times as
 * everywhere else.
 */
export interface PartOptions {
  gate?: RawBuilder<boolean>;
  clockBase?: Date;
}

/**
 * The data-modifying statements that write `w`, to be run as CTEs of one statement. New instances are
 * inserted with their first state from `instances` (same id).
 */
export function writeParts(w: WorkflowWrites, options: PartOptions = {}): Part[] {
  const started = new Set(w.newInstances.map((i) => i.id));
  const changes = new Map(w.instances.map((c) => [c.id, c]));
  const updates = w.instances.filter((c) => !started.has(c.id));
  const o = options;
  const parts: Part[] = [];
  if (w.newInstances.length > 0) parts.push(insertInstances(w.newInstances, changes, o));
  if (updates.length > 0) parts.push(updateInstances(updates, o));
  if (w.newNodeRuns.length > 0) parts.push(insertNodeRuns(w.newNodeRuns, o));
  if (w.nodeRuns.length > 0) parts.push(updateNodeRuns(w.nodeRuns, o));
  if (w.tasks.length > 0) parts.push(updateTasks(w.tasks, o));
  if (w.newTasks.length > 0) parts.push(insertTasks(w.newTasks, o));
  if (w.cancelTimers.length > 0) parts.push(cancelTimers(w.cancelTimers, o));
  if (w.firedTimers.length > 0) parts.push(markFired(w.firedTimers, o));
  if (w.newTimers.length > 0) parts.push(insertTimers(w.newTimers, o));
  if (w.events.length > 0) parts.push(insertEvents(w.events, o));
  const notifications = flowNotificationsPart(w.outbox, o.gate);
  if (notifications) parts.push(notifications);
  parts.push(...updateRecordStatuses(w.recordStatuses, o));
  return parts;
}

/** Writes everything in `w` in one statement. */
export async function applyWrites(db: Db, w: WorkflowWrites): Promise<void> {
  const parts = writeParts(w);
  if (parts.length === 0) return;
  const statement = parts.length === 1 ? sql`${parts[0]}` : sql`WITH ${named(parts, "w")} SELECT 1`;
  await db.executeQuery(prepared(statement.compile(db)));
}

/** One optimistic command's step and what it stepped from, for applyStepsIfUnchanged. */
export interface GuardedStep {
  /** Moves exactly one existing instance (`instances[0]`, stepped from its revision − 1). */
  writes: WorkflowWrites;
  /** A task action's task: the step holds only while it is still this holder's pending task. */
  task?: { id: string; assignee: string };
}

/**
 * Writes the steps of several optimistic commands on different instances in ONE statement (group
 * commit: concurrent approvals share a statement and its commit), all of them or none: each instance
 * is locked (in id order, so two such statements never deadlock) only if it still has the revision
 * its step started from — and, for a task action, its task is still the holder's pending task —, and
 * every row of every step is written only if all of them held. A lock waits for a command in flight
 * on the instance and re-checks the revision on the row that command committed, so of two commands
 * stepped from one revision exactly one writes. Answers, per step, whether it held: all true = all
 * written; otherwise nothing was written, the steps that did not hold lost a race (their callers read
 * and step again) and the others may be written again as they are.
 */
export async function applyStepsIfUnchanged(db: Db, steps: readonly GuardedStep[]): Promise<boolean[]> {
  const guards = steps.map(({ writes, task }) => {
    const [change, ...more] = writes.instances;
    if (!change || more.length > 0 || writes.newInstances.length > 0)
      throw new Error("an optimistic write moves exactly one existing instance");
    return { id: change.id, revision: change.revision - 1, taskId: task?.id, assignee: task?.assignee };
  });
  const ids = guards.map((g) => g.id);
  // The task ids as an array too: without it the generic plan hashed the subquery over a scan of all
  // of flow_tasks (6 ms of a 9 ms write at 7,000 tasks, growing with the table); with it, key probes.
  const taskIds = guards.flatMap((g) => (g.taskId ? [g.taskId] : []));
  if (new Set(ids).size !== ids.length) throw new Error("one step per instance in a statement");
  const all = emptyWrites();
  for (const step of steps) mergeWrites(all, step.writes);
  const held = sql`SELECT i.id FROM flow_instances i
      JOIN jsonb_to_recordset(${json(guards)}::jsonb) AS g(id uuid, revision int, "taskId" text, assignee uuid)
        ON g.id = i.id
    WHERE i.id = ANY(${ids}::uuid[]) AND i.revision = g.revision
      AND (g."taskId" IS NULL OR EXISTS (SELECT 1 FROM flow_tasks t WHERE t.id = g."taskId"
        AND t.status = 'pending' AND t.assignee = g.assignee AND t.id = ANY(${taskIds}::text[])))
    ORDER BY i.id FOR UPDATE OF i`;
  const parts = writeParts(all, {
    gate: sql<boolean>`(SELECT count(*) FROM held) = ${guards.length}::int`,
  });
  const statement = sql`WITH held AS (${held}), ${named(parts, "w")} SELECT held.id FROM held`;
  const { rows } = await db.executeQuery(prepared(statement.compile(db)));
  const holding = new Set((rows as { id: string }[]).map((r) => r.id));
  return ids.map((id) => holding.has(id));
}

/**
 * Parts as the CTEs `<prefix>0, <prefix>1, ...`. Prepared by the callers: the text depends only on which
 * lists are non-empty and on the record tables, so a connection plans each shape once (planning this
 * statement was a large part of a transition's cost).
 */
function named(parts: Part[], prefix: string) {
  return sql.join(parts.map((part, i) => sql`${sql.raw(`${prefix}${i}`)} AS (${part})`));
}

/**
 * The updates also name their rows' keys as an array (`AND t.id = ANY($ids)`): the planner takes
 * jsonb_to_recordset for 100 rows whatever it holds, and on tables of up to some 50,000 rows it then
 * hashed the rows and scanned the whole table (flow_tasks, flow_node_runs, the record table) for every
 * transition; with the array it probes the primary key (an approval's write, 3,000 instances, one
 * connection at load 13: 15.7 ms → 1.1 ms; docs/benchmarks.md).
 *
 * Rows as ONE jsonb parameter read back with jsonb_to_recordset: a statement's size and parse cost stay
 * flat whatever the number of rows (a multi-row VALUES list or an array literal of escaped JSON texts
 * costs several times more for a batch of timers). `columns` is the record type, e.g. "id text, n int".
 */
function recordset(rows: readonly object[], columns: string, gate?: RawBuilder<boolean>) {
  // A NULL document yields no rows: closed, the gate writes nothing.
  const document = gate ? sql`CASE WHEN ${gate} THEN ${json(rows)}::jsonb END` : sql`${json(rows)}::jsonb`;
  return sql`jsonb_to_recordset(${document}) AS v(${sql.raw(columns)})`;
}

/** A time column of the rows, moved to the database's clock when the rows were stepped on another. */
function at(column: string, base: Date | undefined) {
  return base ? sql`(${sql.raw(column)} + (now() - ${base.toISOString()}::timestamptz))` : sql.raw(column);
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

function insertInstances(rows: NewInstance[], changes: Map<string, InstanceChange>, o: PartOptions): Part {
  const values = rows.map((row) => {
    const change = changes.get(row.id);
    if (!change) throw new Error(`new instance ${row.id} has no state`);
    return { ...row, state: change.state, status: change.status, revision: change.revision };
  });
  return sql`INSERT INTO flow_instances (id, flow_version_id, form_id, record_id, initiator, title, status, state,
      revision, finished_at)
    SELECT v.id, v."flowVersionId", v."formId", v."recordId", v.initiator, v.title, v.status, v.state, v.revision,
      CASE WHEN v.status = 'running' THEN NULL ELSE now() END
    FROM ${recordset(
      values,
      `id uuid, "flowVersionId" uuid, "formId" uuid, "recordId" uuid, initiator uuid,
      title text, status text, state jsonb, revision int`,
      o.gate,
    )}`;
}

/** Compare-and-set on the revision: a no-op under the instance's lock, the guard of an optimistic write. */
function updateInstances(rows: InstanceChange[], o: PartOptions): Part {
  return sql`
    UPDATE flow_instances i SET
      state = v.state, status = v.status, revision = v.revision, updated_at = now(),
      finished_at = CASE WHEN v.status = 'running' THEN NULL ELSE coalesce(i.finished_at, now()) END
    FROM ${recordset(rows, "id uuid, state jsonb, status text, revision int", o.gate)}
    WHERE i.id = v.id AND i.revision = v.revision - 1 AND i.id = ANY(${rows.map((r) => r.id)}::uuid[])`;
}

function insertNodeRuns(rows: NewNodeRun[], o: PartOptions): Part {
  const values = rows.map((r) => ({ ...r, status: r.status ?? "active", startedAt: iso(r.startedAt) }));
  const startedAt = at('v."startedAt"', o.clockBase);
  return sql`INSERT INTO flow_node_runs (id, instance_id, node_id, kind, visit, status, outcome, started_at, finished_at)
    SELECT v.id, v."instanceId", v."nodeId", v.kind, v.visit, v.status, v.outcome, ${startedAt},
      CASE WHEN v.status = 'active' THEN NULL ELSE ${startedAt} END
    FROM ${recordset(
      values,
      `id text, "instanceId" uuid, "nodeId" text, kind text, visit int, status text,
      outcome text, "startedAt" timestamptz`,
      o.gate,
    )}`;
}

function updateNodeRuns(rows: NodeRunChange[], o: PartOptions): Part {
  return sql`
    UPDATE flow_node_runs r SET status = v.status, outcome = coalesce(v.outcome, r.outcome),
      finished_at = CASE WHEN v.status = 'active' THEN NULL ELSE coalesce(r.finished_at, now()) END
    FROM ${recordset(rows, "id text, status text, outcome text", o.gate)}
    WHERE r.id = v.id AND r.id = ANY(${rows.map((r) => r.id)}::text[])`;
}

function insertTasks(rows: NewTask[], o: PartOptions): Part {
  const values = rows.map((t) => ({ ...t, createdAt: iso(t.createdAt), dueAt: iso(t.dueAt) }));
  const createdAt = at('v."createdAt"', o.clockBase);
  return sql`INSERT INTO flow_tasks (id, instance_id, node_run_id, node_id, kind, assignee, origin, status, form_id,
      record_id, created_at, due_at, completed_at, action, comment, signature)
    SELECT v.id, v."instanceId", v."nodeRunId", v."nodeId", v.kind, v.assignee, v.origin, v.status, v."formId",
      v."recordId", ${createdAt}, ${at('v."dueAt"', o.clockBase)},
      CASE WHEN v.status IN ('done', 'cancelled') THEN ${createdAt} END, v.action, v.comment, v.signature
    FROM ${recordset(
      values,
      `id text, "instanceId" uuid, "nodeRunId" text, "nodeId" text, kind text, assignee uuid,
      origin text, status text, "formId" uuid, "recordId" uuid, "createdAt" timestamptz, "dueAt" timestamptz,
      action text, comment text, signature jsonb`,
      o.gate,
    )}`;
}

function updateTasks(rows: TaskChange[], o: PartOptions): Part {
  // Back to 'pending' (a task its holder keeps, e.g. adding a parallel signer) clears the closing fields.
  return sql`
    UPDATE flow_tasks t SET status = v.status, assignee = coalesce(v.assignee, t.assignee),
      action = CASE WHEN v.status = 'pending' THEN NULL ELSE coalesce(v.action, t.action) END,
      comment = CASE WHEN v.status = 'pending' THEN NULL ELSE coalesce(v.comment, t.comment) END,
      signature = CASE WHEN v.status = 'pending' THEN NULL ELSE coalesce(v.signature, t.signature) END,
      completed_at = CASE WHEN v.status IN ('done', 'cancelled') THEN coalesce(t.completed_at, now())
                          ELSE NULL END
    FROM ${recordset(rows, "id text, status text, assignee uuid, action text, comment text, signature jsonb", o.gate)}
    WHERE t.id = v.id AND t.id = ANY(${rows.map((r) => r.id)}::text[])`;
}

// Both join the ids (one primary-key probe each) rather than filter on `id = ANY(...)`: the prepared
// statement's generic plan, with statistics taken while few timers were pending, scanned the whole
// pending-timers index and filtered by id — every batch read every pending timer.
function cancelTimers(ids: string[], o: PartOptions): Part {
  return sql`UPDATE flow_timers t SET status = 'cancelled'
    FROM unnest(${ids}::text[]) AS f(id) WHERE t.id = f.id AND t.status = 'pending'${gated(o)}`;
}

// fired_at is when the batch's write ran, not when its transaction began (now()): a batch of 1,000
// transitions takes a good part of a second, and the lag measured from now() left that out.
function markFired(ids: string[], o: PartOptions): Part {
  return sql`UPDATE flow_timers t SET status = 'fired', fired_at = clock_timestamp()
    FROM unnest(${ids}::text[]) AS f(id) WHERE t.id = f.id AND t.status = 'pending'${gated(o)}`;
}

const gated = (o: PartOptions) => (o.gate ? sql` AND ${o.gate}` : sql``);

function insertTimers(rows: NewTimer[], o: PartOptions): Part {
  const values = rows.map((t) => ({ ...t, dueAt: iso(t.dueAt) }));
  return sql`INSERT INTO flow_timers (id, instance_id, node_run_id, kind, due_at, status)
    SELECT v.id, v."instanceId", v."nodeRunId", v.kind, ${at('v."dueAt"', o.clockBase)}, 'pending'
    FROM ${recordset(
      values,
      `id text, "instanceId" uuid, "nodeRunId" text, kind text, "dueAt" timestamptz`,
      o.gate,
    )}`;
}

function insertEvents(rows: NewEvent[], o: PartOptions): Part {
  const values = rows.map((e) => ({ ...e, data: e.data ?? {}, at: iso(e.at) }));
  return sql`INSERT INTO flow_events (instance_id, revision, action, node_id, node_run_id, task_id, actor, data, at)
    SELECT v."instanceId", v.revision, v.action, v."nodeId", v."nodeRunId", v."taskId", v.actor, v.data,
      ${at("v.at", o.clockBase)}
    FROM ${recordset(
      values,
      `"instanceId" uuid, revision int, action text, "nodeId" text, "nodeRunId" text,
      "taskId" text, actor text, data jsonb, at timestamptz`,
      o.gate,
    )}`;
}

/** One UPDATE per record table (a timer batch may span forms); no revision: the flow's events are the audit. */
function updateRecordStatuses(rows: RecordFlowStatus[], o: PartOptions): Part[] {
  const byTable = new Map<string, RecordFlowStatus[]>();
  for (const row of rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row]);
  return [...byTable].map(
    ([table, list]) => sql`UPDATE ${sql.table(table)} r SET flow_status = v."flowStatus"
      FROM ${recordset(list, `"recordId" uuid, "flowStatus" text`, o.gate)}
      WHERE r.id = v."recordId" AND r.id = ANY(${list.map((r) => r.recordId)}::uuid[])`,
  );
}
