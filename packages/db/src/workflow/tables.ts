// Kysely types of the workflow runtime's tables (migration 0008_workflow).
import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Json, Timestamp } from "../tables";

/** The engine's vocabulary; the record's flow_status column carries the same word. */
export type FlowInstanceStatus = "running" | "completed" | "rejected" | "withdrawn" | "ended";
export type NodeRunStatus = "active" | "completed" | "cancelled";
export type TaskKind = "approval" | "fill" | "cc";
/** pending: in someone's to-do box. A CC row is born done; its read_at marks it read. */
export type TaskStatus = "pending" | "done" | "cancelled";
export type TimerStatus = "pending" | "fired" | "cancelled";

export interface FlowVersionsTable {
  id: string;
  form_id: string;
  /** 1, 2, ... per form; a new one only when a publish changes the flow. */
  version: number;
  /** The form version whose publish froze this flow. */
  form_version: number;
  definition: Json<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface FlowInstancesTable {
  id: string;
  flow_version_id: string;
  form_id: string;
  /** Unique: the record is the submission, so one instance per submitted record. */
  record_id: string;
  initiator: string | null;
  status: FlowInstanceStatus;
  /** The engine's state, opaque to SQL. */
  state: Json<unknown>;
  /** What inboxes show and search: the record's serial number or first text. */
  title: ColumnType<string, string | undefined, string>;
  /** +1 per committed transition: a command applied twice would show as a gap-free double step. */
  revision: ColumnType<number, number | undefined, number>;
  started_at: CreatedAt;
  updated_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface FlowNodeRunsTable {
  /** The engine's visit id. */
  id: string;
  instance_id: string;
  node_id: string;
  kind: string;
  visit: number;
  status: NodeRunStatus;
  outcome: string | null;
  started_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface FlowTasksTable {
  /** The engine's task id ("<instance id>:t<n>"); CC rows "<visit id>:cc:<user id>". */
  id: string;
  instance_id: string;
  node_run_id: string;
  node_id: string;
  kind: TaskKind;
  assignee: string;
  /** rule, transfer, added-signer (the engine's TaskOrigin), or cc. */
  origin: string;
  status: TaskStatus;
  action: string | null;
  comment: string | null;
  signature: Json<unknown> | null;
  form_id: string;
  record_id: string;
  created_at: CreatedAt;
  completed_at: Timestamp | null;
  due_at: Timestamp | null;
  read_at: Timestamp | null;
}

export interface FlowTimersTable {
  /** The engine's timer id: firing runs the engine's {type: "timer", timerId: id}. */
  id: string;
  instance_id: string;
  node_run_id: string;
  /** remind, auto-approve, auto-return, escalate. */
  kind: string;
  due_at: Timestamp;
  status: TimerStatus;
  created_at: CreatedAt;
  fired_at: Timestamp | null;
}

export interface FlowEventsTable {
  id: Generated<number>;
  instance_id: string;
  /** The instance revision the event belongs to. */
  revision: number;
  /** The engine's EventAction: start, approve, reject, return, transfer, ..., finish. */
  action: string;
  node_id: string | null;
  node_run_id: string | null;
  task_id: string | null;
  /** A user id, or "system" for timers and automatic passes. */
  actor: string | null;
  data: ColumnType<unknown, string | undefined, string>;
  at: CreatedAt;
}

export interface FlowOutboxTable {
  id: Generated<number>;
  instance_id: string | null;
  topic: string;
  payload: Json<unknown>;
  created_at: CreatedAt;
  available_at: CreatedAt;
  attempts: ColumnType<number, number | undefined, number>;
  processed_at: Timestamp | null;
}

export interface WorkflowTables {
  flow_versions: FlowVersionsTable;
  flow_instances: FlowInstancesTable;
  flow_node_runs: FlowNodeRunsTable;
  flow_tasks: FlowTasksTable;
  flow_timers: FlowTimersTable;
  flow_events: FlowEventsTable;
  flow_outbox: FlowOutboxTable;
}
