// The workflow API as the tasks UI names it: the typed client's `tasks` namespace (packages/client,
// contract in packages/server/src/plugins/workflow/README.md) under the UI's shorter type names.
import type {
  AdminFlowAction,
  FlowNodeRef,
  InboxItem,
  PersonRef,
  RecordFlow,
  TaskActionInput,
  TaskActionType,
  TaskBox,
  TaskDetail,
} from "@formwork/client";
import { TASK_BOXES } from "@formwork/client";
import { api } from "../api/client";

export const BOXES = TASK_BOXES;
export type Box = TaskBox;
export type Person = PersonRef;
export type NodeRef = FlowNodeRef;
export type TaskAction = TaskActionType;
export type ActionInput = TaskActionInput;
export type ChartNodeState = RecordFlow["chart"]["nodes"][number]["state"];
export type LogEntry = RecordFlow["log"][number];
export type { InboxItem, RecordFlow, TaskDetail };

export const tasksApi = {
  inbox: (box: Box, query: { q?: string; cursor?: string; limit?: number } = {}) =>
    api.tasks.inbox({ box, ...query }),
  get: (taskId: string) => api.tasks.get(taskId),
  act: (taskId: string, input: ActionInput) => api.tasks.act(taskId, input),
  batch: async (tasks: string[], input: { action: "approve" | "submit"; comment?: string }) => ({
    results: await api.tasks.batch(tasks, input),
  }),
  markRead: (taskId: string) => api.tasks.markRead(taskId),
  instanceAction: (instanceId: string, action: "withdraw" | "urge", comment?: string) =>
    api.tasks.instanceAction(instanceId, action, comment),
  /** System admins and the form's app admins: change an assignee, end (with a reason), reactivate. */
  admin: (instanceId: string, input: AdminFlowAction) => api.tasks.admin(instanceId, input),
  recordFlow: (formId: string, recordId: string) => api.tasks.recordFlow(formId, recordId),
};
