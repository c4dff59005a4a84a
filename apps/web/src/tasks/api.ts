// The workflow API (DESIGN §2, the server's workflow plugin): inboxes, a task as its holder sees it,
// actions, and a record's flow. Plain fetch with the client's CSRF header and error type until the
// typed client grows a `tasks` namespace.
import { ApiError, CSRF_HEADER, CSRF_HEADER_VALUE } from "@formwork/client";
import type { FieldDefinition, FieldPermission, FlowEdge, LocalizedText } from "@formwork/schema";
import { i18n } from "../i18n/i18n";

export const BOXES = ["todo", "done", "initiated", "cc"] as const;
export type Box = (typeof BOXES)[number];

export interface Person {
  id: string;
  name: string;
}

export interface NodeRef {
  id: string;
  type: string;
  name: LocalizedText;
}

export interface InboxItem {
  taskId: string | null;
  instanceId: string;
  formId: string;
  formName: LocalizedText;
  appId: string;
  recordId: string;
  title: string;
  nodes: NodeRef[];
  taskStatus: string | null;
  action: string | null;
  instanceStatus: string;
  initiator: Person | null;
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
  ccUnread?: number;
}

export interface InboxPage {
  items: InboxItem[];
  counts: InboxCounts;
  nextCursor: string | null;
}

export type TaskAction = "approve" | "submit" | "reject" | "return" | "transfer" | "addSigner";

export interface TaskDetail {
  task: {
    id: string;
    instanceId: string;
    nodeId: string;
    kind: string;
    status: string;
    action: string | null;
    comment: string | null;
    assignee: Person;
    createdAt: string;
    completedAt: string | null;
    dueAt: string | null;
  };
  node: NodeRef & { mode: string | null; actions: TaskAction[]; returnTargets: NodeRef[] };
  instance: InstanceSummary;
  form: {
    id: string;
    name: LocalizedText;
    version: number;
    fields: Array<FieldDefinition & { permission: FieldPermission }>;
  };
  record: { id: string; version: number; data: Record<string, unknown> } | null;
}

export interface InstanceSummary {
  id: string;
  status: string;
  revision: number;
  title: string;
  initiator: Person | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ActionInput {
  action: TaskAction;
  comment?: string;
  signature?: { fileId: string };
  fieldEdits?: Record<string, unknown>;
  target?: string;
  users?: string[];
  position?: "before" | "after" | "parallel";
}

export type ChartNodeState = "done" | "current" | "pending" | "skipped";

export interface LogEntry {
  id: number;
  at: string;
  actor: Person | null;
  action: string;
  nodeId: string | null;
  nodeName: LocalizedText | null;
  comment: string | null;
  signature: { fileId?: string } | null;
  durationMs: number | null;
}

export interface RecordFlow {
  instance: InstanceSummary & { flowVersion: number; canWithdraw: boolean };
  chart: {
    nodes: Array<
      NodeRef & { position: { x: number; y: number } | null; state: ChartNodeState; outcome: string | null }
    >;
    edges: FlowEdge[];
  };
  current: Array<{
    taskId: string;
    nodeId: string;
    nodeName: LocalizedText | null;
    assignee: Person;
    createdAt: string;
    dueAt: string | null;
    remainingMs: number | null;
    waitingMs: number;
  }>;
  cc: Array<{ nodeId: string; user: Person; readAt: string | null }>;
  log: LogEntry[];
}

async function send<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": i18n.language };
  if (method !== "GET") headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "include",
    });
  } catch (cause) {
    throw new ApiError("NETWORK_ERROR", cause instanceof Error ? cause.message : String(cause), 0);
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: [] } } | undefined)
      ?.error;
    throw new ApiError(
      (error?.code ?? "BAD_RESPONSE") as "BAD_RESPONSE",
      error?.message ?? `HTTP ${response.status}`,
      response.status,
      error?.details ?? [],
    );
  }
  return parsed as T;
}

const enc = encodeURIComponent;

export const tasksApi = {
  inbox: (box: Box, query: { q?: string; cursor?: string; limit?: number } = {}) => {
    const params = new URLSearchParams({ box });
    if (query.q) params.set("q", query.q);
    if (query.cursor) params.set("cursor", query.cursor);
    if (query.limit) params.set("limit", String(query.limit));
    return send<InboxPage>("GET", `/api/tasks?${params}`);
  },
  get: (taskId: string) => send<TaskDetail>("GET", `/api/tasks/${enc(taskId)}`),
  act: (taskId: string, input: ActionInput) =>
    send<{ status: string }>("POST", `/api/tasks/${enc(taskId)}/actions`, input),
  batch: (tasks: string[], input: { action: "approve" | "submit"; comment?: string }) =>
    send<{ results: Array<{ taskId: string; ok: boolean; status: number; error?: { message: string } }> }>(
      "POST",
      "/api/tasks/actions",
      { tasks, ...input },
    ),
  markRead: (taskId: string) => send<void>("POST", `/api/tasks/${enc(taskId)}/read`),
  instanceAction: (instanceId: string, action: "withdraw" | "urge", comment?: string) =>
    send<{ status: string }>("POST", `/api/flow-instances/${enc(instanceId)}/actions`, {
      action,
      ...(comment ? { comment } : {}),
    }),
  recordFlow: (formId: string, recordId: string) =>
    send<RecordFlow>("GET", `/api/forms/${enc(formId)}/records/${enc(recordId)}/flow`),
};
