// The engine's public model: the instance state it reads and returns, the commands it accepts, the
// effects it asks the server to carry out, and the ports it calls. Everything here is plain JSON (no
// Dates, no classes, no functions in the state) so the server can store the state in one jsonb column
// and mirror tasks, timers and visits into rows from the effects.
import type { FieldDefinition, FlowDefinition, NodeKind } from "@formwork/schema";

/** ISO 8601 instant, e.g. "2026-11-27T12:00:00.000Z". */
export type Instant = string;

/** Field values of the record by field id, as the record API carries them. */
export type RecordData = Record<string, unknown>;

/** A handwritten signature: the uploaded image's file id, like a signature field's value. */
export interface Signature {
  fileId: string;
}

// ---- The flow the engine runs -------------------------------------------------------------------

/** One published, immutable flow version and the form fields its assignees and permissions refer to. */
export interface EngineFlow {
  version: number;
  definition: FlowDefinition;
  /** The form's fields: `{"field": id}` assignees read member/department fields, permissions list fields. */
  fields: readonly FieldDefinition[];
}

// ---- Instance state -----------------------------------------------------------------------------

/** `running` until the flow reaches an end (`completed`), is rejected, withdrawn or ended by an admin. */
export type InstanceStatus = "running" | "completed" | "rejected" | "withdrawn" | "ended";
export type FinishStatus = Exclude<InstanceStatus, "running">;

export type VisitStatus = "active" | "completed" | "cancelled";
/** How a visit closed: passed on (approved, submitted, auto-passed, branch taken), rejected, returned. */
export type VisitOutcome = "passed" | "rejected" | "returned" | "cancelled";

/** any = 或签, all = 会签, sequential = 依次, ratio = a share of the approvers. */
export type TaskMode = "any" | "all" | "sequential" | "ratio";

/** One step of a lane: a person who must act, in order. */
export interface LaneStep {
  user: string;
  origin: TaskOrigin;
  /** The task of this step once it has been created (steps further down a lane wait without a task). */
  taskId?: string;
}

/**
 * A lane is an ordered list of people who act one after another. `any`/`all`/`ratio` nodes get one lane
 * per resolved assignee; `sequential` nodes and manager chains get one lane with everyone in order; an
 * added signer "in parallel" gets a lane of their own. Add-before/after inserts a step into a lane.
 */
export interface Lane {
  id: string;
  /** Lanes from the node's assignee rules decide the mode's outcome; added lanes must also pass. */
  kind: "rule" | "added";
  steps: LaneStep[];
  /** Index of the step whose turn it is; `steps.length` once the lane has passed. */
  at: number;
  status: "open" | "passed" | "rejected" | "cancelled";
}

/** One visit of a node: a return or a reactivation creates a new visit, never reopens an old one. */
export interface NodeVisit {
  id: string;
  nodeId: string;
  kind: NodeKind;
  status: VisitStatus;
  outcome?: VisitOutcome;
  /** The visits that led here (several for a join). Drives "earlier node" checks for returns. */
  from: string[];
  /** Open parallel splits around this visit, outermost first (split visit ids). */
  scope: string[];
  enteredAt: Instant;
  completedAt?: Instant;
  /** Task nodes (approval, fill, and start after a return): who must act, and how the node decides. */
  mode?: TaskMode;
  /** For `ratio` mode: the share of rule lanes that must pass, in (0, 1]. */
  ratio?: number;
  lanes?: Lane[];
  /** For a join: the split visit whose lanes it waits for. */
  split?: string;
}

export type TaskStatus = "pending" | "done" | "cancelled";
/** Why the task exists: the node's assignee rules, a transfer (or admin reassignment), an added signer. */
export type TaskOrigin = "rule" | "transfer" | "added-signer";
/** What closed a task. `autoPass` marks a consecutive duplicate approver or an auto-approve deadline. */
export type TaskOutcome = "approve" | "submit" | "reject" | "return" | "transfer" | "addSigner" | "autoPass";

/** One task per assignee per visit. */
export interface Task {
  id: string;
  visitId: string;
  nodeId: string;
  laneId: string;
  assignee: string;
  status: TaskStatus;
  origin: TaskOrigin;
  createdAt: Instant;
  completedAt?: Instant;
  /** Who closed it: the assignee, an admin, or "system" for timers. */
  actor?: string;
  action?: TaskOutcome;
  comment?: string;
  signature?: Signature;
}

export type TimerKind = "remind" | "auto-approve" | "auto-return" | "escalate";

export interface Timer {
  id: string;
  kind: TimerKind;
  visitId: string;
  nodeId: string;
  due: Instant;
  status: "pending" | "fired" | "cancelled";
  /** ISO duration between reminders; a fired repeating reminder schedules the next one. */
  repeat?: string;
}

export interface InstanceState {
  id: string;
  flowVersion: number;
  status: InstanceStatus;
  /** Null for a submission through a public fill link: nobody signed in started it. */
  initiator: string | null;
  /**
   * The record as the flow sees it (branch conditions, field assignees); fill edits update it. The server
   * hands the live record in and stores the state without it (`{}`): a stored copy would only go stale.
   */
  record: RecordData;
  startedAt: Instant;
  finishedAt?: Instant;
  visits: NodeVisit[];
  tasks: Task[];
  timers: Timer[];
  /** Bumped by every accepted command; ids of visits, tasks, lanes and timers are drawn from it. */
  seq: number;
}

// ---- Commands -----------------------------------------------------------------------------------

export type TaskAction =
  | { type: "approve" }
  | { type: "submit" }
  | { type: "reject" }
  | { type: "return"; toNode: string }
  | { type: "transfer"; to: string }
  | { type: "addSigner"; users: string[]; position: "before" | "after" | "parallel" };

export type AdminAction =
  | { type: "changeAssignee"; taskId: string; to: string }
  /**
   * `reason` says why when the server ends it on its own: `recordDeleted` — the record went to the recycle
   * bin, so nobody should act on it any more (restoring it does not restart the flow; reactivate does).
   */
  | { type: "end"; reason?: EndReason }
  /** Re-open a finished instance at `toNode` (default: the nodes that were active when it finished). */
  | { type: "reactivate"; toNode?: string };

export type EndReason = "recordDeleted";

export interface StartCommand {
  type: "start";
  /** Globally unique; every visit, task and timer id is prefixed with it. */
  instanceId: string;
  /** Null for an anonymous (public fill link) submission. */
  initiator: string | null;
  record: RecordData;
}

export interface ActCommand {
  type: "act";
  taskId: string;
  actor: string;
  action: TaskAction;
  comment?: string;
  signature?: Signature;
  /** Field edits of approve/submit; refused outside the node's editable fields. */
  fieldEdits?: RecordData;
}

/** The initiator takes the instance back while nobody has acted on it yet. */
export interface WithdrawCommand {
  type: "withdraw";
  actor: string;
  comment?: string;
}

/** The initiator reminds the current assignees. */
export interface UrgeCommand {
  type: "urge";
  actor: string;
  comment?: string;
}

export interface TimerCommand {
  type: "timer";
  timerId: string;
}

/** The server checks that `actor` is an admin before sending this. */
export interface AdminCommand {
  type: "admin";
  actor: string;
  action: AdminAction;
  comment?: string;
}

export type Command = StartCommand | ActCommand | WithdrawCommand | UrgeCommand | TimerCommand | AdminCommand;

// ---- Effects ------------------------------------------------------------------------------------

export type EventAction =
  | "start"
  | "approve"
  | "submit"
  | "reject"
  | "return"
  | "transfer"
  | "addSigner"
  | "autoPass"
  | "withdraw"
  | "urge"
  | "remind"
  | "escalate"
  | "cc"
  | "branch"
  | "changeAssignee"
  | "end"
  | "reactivate"
  | "finish";

/** One line of the log / timeline. */
export interface FlowEvent {
  at: Instant;
  /** A user id, or "system" for timers and automatic passes. */
  actor: string;
  action: EventAction;
  nodeId?: string;
  visitId?: string;
  taskId?: string;
  comment?: string;
  signature?: Signature;
  /** Milliseconds from the task's (or visit's) creation to this event, for "time taken". */
  durationMs?: number;
  /** Action details: return target, transfer target, added signers, branch edge, finish status. */
  detail?: Record<string, unknown>;
}

export type NotifyKind = "task" | "urge" | "remind" | "cc" | "returned" | "finished" | "escalated";

export type Effect =
  | { type: "enterNode"; visit: NodeVisit }
  | { type: "leaveNode"; visit: NodeVisit }
  | { type: "createTask"; task: Task }
  | { type: "completeTask"; task: Task }
  | { type: "cancelTask"; task: Task }
  | { type: "createTimer"; timer: Timer }
  | { type: "cancelTimer"; timer: Timer }
  | { type: "appendEvent"; event: FlowEvent }
  /** Recipients of a CC node: the server keeps them for the cc inbox (and may notify them). */
  | { type: "cc"; users: string[]; nodeId: string; visitId: string }
  | { type: "notify"; kind: NotifyKind; users: string[]; payload: Record<string, unknown> }
  /** Edits accepted from a fill (or approval) handler: write them to the record in the same transaction. */
  | { type: "updateRecord"; fields: RecordData }
  | { type: "finish"; status: FinishStatus };

export interface StepResult {
  state: InstanceState;
  effects: Effect[];
}

// ---- Ports --------------------------------------------------------------------------------------

/** Who is who. All lookups answer user ids in a stable order; an unknown id answers []. */
export interface Directory {
  usersOfRole(roleId: string): Promise<string[]>;
  /** Members of the departments (not of their sub-departments). */
  membersOfDepartments(departmentIds: readonly string[]): Promise<string[]>;
  /** Heads of the department `levels` up from the user's department (1 = their own department's head). */
  deptHeads(userId: string, levels: number): Promise<string[]>;
  /** The user's managers from the direct one upwards, at most `levels` of them. */
  managerChain(userId: string, levels: number): Promise<string[]>;
  /** Who gets a task nobody else resolves to (`whenEmpty: "admin"`). */
  admins(): Promise<string[]>;
  /** Facts about the initiator that branch conditions read as `{"var": "$initiator.<key>"}`. */
  userInfo?(userId: string): Promise<Record<string, unknown>>;
}

/** Working days for deadlines with `workingDays`; default Monday–Friday, no holidays. */
export interface Calendar {
  /** `date` is a local calendar date "YYYY-MM-DD" in the ports' time zone. */
  isWorkingDay(date: string): boolean;
}

export interface Ports {
  directory: Directory;
  /** IANA zone for branch conditions, date fields and working days. Default "Asia/Shanghai". */
  timeZone?: string;
  calendar?: Calendar;
}
