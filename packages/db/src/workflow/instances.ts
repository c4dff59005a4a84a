// The instance row is the lock of the workflow: every command — a user's action, a timer, an admin's
// change — takes it with SELECT ... FOR UPDATE before it reads or writes anything of the instance, so
// commands on one instance run one after another and each sees what the previous one committed.
import { type Kysely, sql } from "kysely";
import { isId } from "../ids";
import { prepared } from "../prepared";
import { json, type SystemTables } from "../tables";
import type { FlowInstanceStatus, TaskStatus } from "./tables";

type Db = Kysely<SystemTables>;

export interface LockedInstance {
  id: string;
  flowVersionId: string;
  formId: string;
  recordId: string;
  initiator: string | null;
  status: FlowInstanceStatus;
  state: unknown;
  revision: number;
  startedAt: Date;
  /** The database clock at the lock: timers and deadlines are computed from it, never the app's clock. */
  now: Date;
  /** The form's published version now (null when the form or its app is deleted): saves a round trip. */
  formVersion: number | null;
}

const columns = sql`i.id, i.flow_version_id, i.form_id, i.record_id, i.initiator, i.status, i.state,
  i.revision, i.started_at, now() AS db_now,
  (SELECT f.published_version FROM forms f JOIN apps a ON a.id = f.app_id
   WHERE f.id = i.form_id AND f.deleted_at IS NULL AND a.deleted_at IS NULL) AS form_version`;

interface InstanceRow {
  id: string;
  flow_version_id: string;
  form_id: string;
  record_id: string;
  initiator: string | null;
  status: FlowInstanceStatus;
  state: unknown;
  revision: number;
  started_at: Date;
  db_now: Date;
  form_version: number | null;
}

function toLocked(row: InstanceRow): LockedInstance {
  return {
    id: row.id,
    flowVersionId: row.flow_version_id,
    formId: row.form_id,
    recordId: row.record_id,
    initiator: row.initiator,
    status: row.status,
    state: row.state,
    revision: row.revision,
    startedAt: row.started_at,
    now: row.db_now,
    formVersion: row.form_version,
  };
}

/** Locks one instance (waits for a command in flight on it); null when there is none. */
export async function lockInstance(db: Db, id: string): Promise<LockedInstance | null> {
  const query = sql<InstanceRow>`
    SELECT ${columns} FROM flow_instances i WHERE i.id = ${id}::uuid FOR UPDATE`.compile(db);
  const { rows } = await db.executeQuery(prepared(query));
  return rows[0] ? toLocked(rows[0]) : null;
}

/** Locks the flow instance of a form's record, if it has one (a record has at most one). */
export async function lockInstanceOfRecord(
  db: Db,
  formId: string,
  recordId: string,
): Promise<LockedInstance | null> {
  const { rows } = await sql<InstanceRow>`
    SELECT ${columns} FROM flow_instances i
    WHERE i.record_id = ${recordId}::uuid AND i.form_id = ${formId}::uuid
    FOR UPDATE OF i`.execute(db);
  return rows[0] ? toLocked(rows[0]) : null;
}

/** Locks the instance a task belongs to, in one round trip. */
export async function lockInstanceOfTask(db: Db, taskId: string): Promise<LockedInstance | null> {
  const { rows } = await sql<InstanceRow>`
    SELECT ${columns} FROM flow_instances i
    WHERE i.id = (SELECT t.instance_id FROM flow_tasks t WHERE t.id = ${taskId})
    FOR UPDATE OF i`.execute(db);
  return rows[0] ? toLocked(rows[0]) : null;
}

export interface TaskCompletion {
  taskId: string;
  assignee: string;
  action: string;
  comment: string | null;
  signature: unknown;
}

/**
 * A task holder's action in ONE round trip: locks the task's instance (waiting for a command in flight
 * on it), then completes the task with the conditional update of `completeTask`. The update's
 * `EXISTS (SELECT 1 FROM locked)` is an init-plan, so the instance lock is taken before the task row is
 * touched — the same order as lockInstanceOfTask then completeTask, which keeps commands on one instance
 * free of deadlocks; a task changed meanwhile by the command we waited for is re-checked against its
 * committed row (status no longer pending = not completed). Null when the task (or its instance) does
 * not exist; `completed` false when it is not this assignee's pending task. Prepared: the text is fixed.
 */
export async function lockAndCompleteTask(
  db: Db,
  input: TaskCompletion,
): Promise<{ instance: LockedInstance; completed: boolean } | null> {
  const signature = input.signature === undefined || input.signature === null ? null : json(input.signature);
  const query = sql<InstanceRow & { completed: boolean }>`
    WITH locked AS (
      SELECT ${columns} FROM flow_instances i
      WHERE i.id = (SELECT t.instance_id FROM flow_tasks t WHERE t.id = ${input.taskId})
      FOR UPDATE OF i
    ), done AS (
      UPDATE flow_tasks t SET status = 'done', action = ${input.action}, comment = ${input.comment},
        signature = ${signature}::jsonb, completed_at = now()
      WHERE t.id = ${input.taskId} AND t.status = 'pending' AND t.assignee = ${input.assignee}::uuid
        AND EXISTS (SELECT 1 FROM locked)
      RETURNING t.id
    )
    SELECT locked.*, EXISTS (SELECT 1 FROM done) AS completed FROM locked`.compile(db);
  const { rows } = await db.executeQuery(prepared(query));
  const row = rows[0];
  return row ? { instance: toLocked(row), completed: row.completed } : null;
}

/** A task's holder and status beside its instance, as read (unlocked) by an optimistic command. */
export interface TaskAndInstance {
  instance: LockedInstance;
  task: { status: TaskStatus; assignee: string };
}

/**
 * Tasks and their instances in ONE unlocked statement (one snapshot, so each pair agrees), by task id:
 * an optimistic command steps from this and writes with applyStepsIfUnchanged, which refuses the write
 * when the instance's revision moved meanwhile. A task that does not exist is missing from the map.
 * Prepared: the text is fixed.
 */
export async function readTaskInstances(
  db: Db,
  taskIds: readonly string[],
): Promise<Map<string, TaskAndInstance>> {
  const query = sql<InstanceRow & { task_id: string; task_status: TaskStatus; task_assignee: string }>`
    SELECT ${columns}, t.id AS task_id, t.status AS task_status, t.assignee AS task_assignee
    FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id
    WHERE t.id = ANY(${[...taskIds]}::text[])`.compile(db);
  const { rows } = await db.executeQuery(prepared(query));
  return new Map(
    rows.map((row) => [
      row.task_id,
      { instance: toLocked(row), task: { status: row.task_status, assignee: row.task_assignee } },
    ]),
  );
}

/**
 * Locks those of `ids` nobody else holds, in id order, skipping the busy ones (a timer batch retries
 * them on its next round rather than waiting behind a user's command).
 */
export async function lockFreeInstances(db: Db, ids: readonly string[]): Promise<LockedInstance[]> {
  if (ids.length === 0) return [];
  const query = sql<InstanceRow>`
    SELECT ${columns} FROM flow_instances i
    WHERE i.id = ANY(${[...ids]}::uuid[])
    ORDER BY i.id FOR UPDATE SKIP LOCKED`.compile(db);
  const { rows } = await db.executeQuery(prepared(query));
  return rows.map(toLocked);
}

/** The database's clock, for code that has no instance locked yet. */
export async function databaseNow(db: Db): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
  return rows[0]!.now;
}

export interface TaskRow {
  id: string;
  instanceId: string;
  nodeRunId: string;
  nodeId: string;
  kind: "approval" | "fill" | "cc";
  assignee: string;
  origin: string;
  status: TaskStatus;
  action: string | null;
  comment: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

/**
 * Completes a pending task of `assignee` — the one conditional update that makes a double approval
 * impossible: a second caller (or a concurrent one, after the first commits) gets null, which is a 409.
 */
export async function completeTask(
  db: Db,
  input: {
    taskId: string;
    assignee: string;
    action: string;
    comment: string | null;
    signature: unknown;
  },
): Promise<TaskRow | null> {
  const row = await db
    .updateTable("flow_tasks")
    .set({
      status: "done",
      action: input.action,
      comment: input.comment,
      signature: input.signature === undefined || input.signature === null ? null : json(input.signature),
      completed_at: sql<Date>`now()`,
    })
    .where("id", "=", input.taskId)
    .where("status", "=", "pending")
    .where("assignee", "=", input.assignee)
    .returning(taskColumns)
    .executeTakeFirst();
  return row ? toTask(row) : null;
}

const taskColumns = [
  "id",
  "instance_id",
  "node_run_id",
  "node_id",
  "kind",
  "assignee",
  "origin",
  "status",
  "action",
  "comment",
  "created_at",
  "completed_at",
] as const;

type TaskSelect = {
  id: string;
  instance_id: string;
  node_run_id: string;
  node_id: string;
  kind: "approval" | "fill" | "cc";
  assignee: string;
  origin: string;
  status: TaskStatus;
  action: string | null;
  comment: string | null;
  created_at: Date;
  completed_at: Date | null;
};

function toTask(row: TaskSelect): TaskRow {
  return {
    id: row.id,
    instanceId: row.instance_id,
    nodeRunId: row.node_run_id,
    nodeId: row.node_id,
    kind: row.kind,
    assignee: row.assignee,
    origin: row.origin,
    status: row.status,
    action: row.action,
    comment: row.comment,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

/** Every task of the instances' active node runs (done ones too: a node's outcome counts all of them). */
export async function tasksOfActiveRuns(db: Db, instanceIds: readonly string[]): Promise<TaskRow[]> {
  if (instanceIds.length === 0) return [];
  const rows = await db
    .selectFrom("flow_tasks as t")
    .innerJoin("flow_node_runs as r", "r.id", "t.node_run_id")
    .select(taskColumns.map((c) => `t.${c}` as const))
    .where("t.instance_id", "in", [...instanceIds])
    .where("r.status", "=", "active")
    .orderBy("t.created_at")
    .orderBy("t.id")
    .execute();
  return rows.map(toTask);
}

export async function getTask(db: Db, taskId: string): Promise<TaskRow | null> {
  const row = await db
    .selectFrom("flow_tasks")
    .select(taskColumns)
    .where("id", "=", taskId)
    .executeTakeFirst();
  return row ? toTask(row) : null;
}

/** Who administers an instance: its form's app, and whether the user is one of that app's admins. */
export interface InstanceAdministration {
  formId: string;
  recordId: string;
  appId: string;
  appAdmin: boolean;
}

export async function instanceAdministration(
  db: Db,
  instanceId: string,
  userId: string,
): Promise<InstanceAdministration | null> {
  if (!isId(instanceId)) return null;
  const { rows } = await sql<{ form_id: string; record_id: string; app_id: string; app_admin: boolean }>`
    SELECT i.form_id, i.record_id, f.app_id,
      EXISTS (SELECT 1 FROM app_admins aa WHERE aa.app_id = f.app_id AND aa.user_id = ${userId}::uuid) AS app_admin
    FROM flow_instances i JOIN forms f ON f.id = i.form_id
    WHERE i.id = ${instanceId}::uuid`.execute(db);
  const row = rows[0];
  return row
    ? { formId: row.form_id, recordId: row.record_id, appId: row.app_id, appAdmin: row.app_admin }
    : null;
}
