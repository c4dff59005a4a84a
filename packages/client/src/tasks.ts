// The workflow API (packages/server/src/plugins/workflow/README.md): inboxes, a task as its holder sees
// it, task actions (one and batch), the initiator's withdraw and urge, admin changes, a record's flow.
import type { FieldDefinition, FieldPermission, FlowEdge, LocalizedText } from "@formwork/schema";
import { path, type Send } from "./transport";

export const TASK_BOXES = ["todo", "done", "initiated", "cc"] as const;
export type TaskBox = (typeof TASK_BOXES)[number];
export type FlowStatus = "running" | "completed" | "rejected" | "withdrawn" | "ended";
export type TaskActionType = "approve" | "submit" | "reject" | "return" | "transfer" | "addSigner";

export interface PersonRef {
  id: string;
  name: string;
}

export interface FlowNodeRef {
  id: string;
  type: string;
  name: LocalizedText;
}

export interface InboxItem {
  /** Null in the initiated box. */
  taskId: string | null;
  instanceId: string;
  formId: string;
  formName: LocalizedText;
  appId: string;
  recordId: string;
  title: string;
  /** The task's node; in the initiated box, the nodes the instance waits in. */
  nodes: FlowNodeRef[];
  taskStatus: "pending" | "done" | "cancelled" | null;
  action: string | null;
  instanceStatus: FlowStatus;
  initiator: PersonRef | null;
  startedAt: string;
  createdAt: string;
  completedAt: string | null;
  dueAt: string | null;
  readAt: string | null;
}

export interface InboxCounts {
  todo: number;
  done: number;
  initiated: number;
  cc: number;
  ccUnread: number;
}

export interface InboxPage {
  items: InboxItem[];
  counts: InboxCounts;
  nextCursor: string | null;
}

export interface InboxQuery {
  box?: TaskBox;
  /** Searches the title, the form's name and the initiator's name. */
  q?: string;
  form?: string;
  limit?: number;
  cursor?: string;
}

export interface FlowInstanceSummary {
  id: string;
  status: FlowStatus;
  revision: number;
  title: string;
  initiator: PersonRef | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface TaskDetail {
  task: {
    id: string;
    instanceId: string;
    nodeRunId: string;
    nodeId: string;
    kind: "approval" | "fill" | "cc";
    assignee: PersonRef;
    origin: string;
    status: "pending" | "done" | "cancelled";
    action: string | null;
    comment: string | null;
    signature: { fileId: string } | null;
    createdAt: string;
    completedAt: string | null;
    dueAt: string | null;
    readAt: string | null;
  };
  node: FlowNodeRef & { mode: string | null; actions: TaskActionType[]; returnTargets: FlowNodeRef[] };
  instance: FlowInstanceSummary;
  form: {
    id: string;
    /** The form's app: its forms' ids by key, for the record's link fields. */
    appId: string | null;
    name: LocalizedText;
    version: number;
    /** Only the node's visible fields, each with its permission there. */
    fields: Array<FieldDefinition & { permission: FieldPermission }>;
  };
  /** The record with the node's hidden fields left out. */
  record: {
    id: string;
    version: number;
    flowStatus: FlowStatus | null;
    data: Record<string, unknown>;
  } | null;
}

export interface TaskActionInput {
  action: TaskActionType;
  comment?: string;
  signature?: { fileId: string };
  /** Only the node's editable fields (others are refused with 403 EDIT_NOT_ALLOWED). */
  fieldEdits?: Record<string, unknown>;
  /** return: the node to return to (one of node.returnTargets). */
  target?: string;
  /** transfer: [the new assignee]; addSigner: the people to add. */
  users?: string[];
  position?: "before" | "after" | "parallel";
}

export interface TaskActionResult {
  taskId: string;
  action: TaskActionType;
  instanceId: string;
  /** The instance's status after the action. */
  status: FlowStatus;
  revision: number;
}

export interface BatchItemResult {
  taskId: string;
  ok: boolean;
  status: number;
  instanceStatus?: FlowStatus;
  error?: { code: string; message: string; details?: { path: string; message: string; code?: string }[] };
}

export interface CommandResult {
  instanceId: string;
  status: FlowStatus;
  revision: number;
}

export type AdminFlowAction =
  | { action: "changeAssignee"; task: string; user: string; comment?: string }
  | { action: "end"; comment: string }
  | { action: "reactivate"; target?: string; comment?: string };

export interface RecordFlow {
  instance: FlowInstanceSummary & {
    flowVersion: number;
    canWithdraw: boolean;
    /** The caller is a system admin or an admin of the form's app (changeAssignee, end, reactivate). */
    canAdminister: boolean;
    /** Nodes a finished instance may be reactivated at, the default first (empty while running). */
    reactivateTargets: FlowNodeRef[];
  };
  chart: {
    nodes: Array<
      FlowNodeRef & {
        position: { x: number; y: number } | null;
        state: "done" | "current" | "pending" | "skipped";
        visits: number;
        outcome: string | null;
      }
    >;
    edges: FlowEdge[];
  };
  current: Array<{
    taskId: string;
    nodeId: string;
    nodeName: LocalizedText;
    assignee: PersonRef;
    createdAt: string;
    dueAt: string | null;
    /** Negative once overdue. */
    remainingMs: number | null;
    waitingMs: number;
  }>;
  cc: Array<{ nodeId: string; user: PersonRef; readAt: string | null }>;
  log: Array<{
    id: number;
    at: string;
    /** Null for the system (timers, automatic passes). */
    actor: PersonRef | null;
    action: string;
    nodeId: string | null;
    nodeName: LocalizedText | null;
    taskId: string | null;
    comment: string | null;
    signature: { fileId: string } | null;
    /** Time taken. */
    durationMs: number | null;
    detail: Record<string, unknown> | null;
  }>;
}

export interface ActionOptions {
  /** A retry with the same key replays the first answer instead of being refused as done. */
  idempotencyKey?: string;
}

const keyed = (options?: ActionOptions) =>
  options?.idempotencyKey ? { "Idempotency-Key": options.idempotencyKey } : undefined;

export function tasksApi(send: Send) {
  return {
    inbox: (query: InboxQuery = {}) =>
      send<InboxPage>({ method: "GET", path: "/api/tasks", query: { ...query } }),
    get: (taskId: string) => send<TaskDetail>({ method: "GET", path: path`/api/tasks/${taskId}` }),
    act: (taskId: string, input: TaskActionInput, options?: ActionOptions) =>
      send<TaskActionResult>({
        method: "POST",
        path: path`/api/tasks/${taskId}/actions`,
        body: input,
        headers: keyed(options),
      }),
    /** Each task in its own transaction; one failing does not undo the others. */
    batch: async (
      taskIds: readonly string[],
      input: Pick<TaskActionInput, "comment" | "signature"> & { action: "approve" | "submit" },
    ) =>
      (
        await send<{ results: BatchItemResult[] }>({
          method: "POST",
          path: "/api/tasks/actions",
          body: { tasks: taskIds, ...input },
        })
      ).results,
    markRead: async (taskId: string) => {
      await send<void>({ method: "POST", path: path`/api/tasks/${taskId}/read` });
    },
    /** The initiator: withdraw (while nobody has acted) or urge the current assignees. */
    instanceAction: (
      instanceId: string,
      action: "withdraw" | "urge",
      comment?: string,
      options?: ActionOptions,
    ) =>
      send<CommandResult>({
        method: "POST",
        path: path`/api/flow-instances/${instanceId}/actions`,
        body: { action, ...(comment ? { comment } : {}) },
        headers: keyed(options),
      }),
    /** System admins and the form's app admins; `end` needs the reason as `comment`. */
    admin: (instanceId: string, input: AdminFlowAction, options?: ActionOptions) =>
      send<CommandResult>({
        method: "POST",
        path: path`/api/flow-instances/${instanceId}/admin`,
        body: input,
        headers: keyed(options),
      }),
    recordFlow: (formId: string, recordId: string) =>
      send<RecordFlow>({ method: "GET", path: path`/api/forms/${formId}/records/${recordId}/flow` }),
  };
}
