// Workflow notify effects as notification rows, written by the workflow's own statement (a part of
// applyWrites), so a task assignment and its notification commit or roll back together. They are what
// delivers a flow's notify effects (the centre, its email copies through the outbox); nothing read the
// flow_outbox rows transitions once wrote beside them, so transitions no longer write those.

import type { NotificationKind } from "@formwork/schema";
import type { RawBuilder } from "kysely";
import type { NewOutboxRow } from "../workflow/writes";
import { type NewNotification, notificationsInsert } from "./notifications";

/** Engine notify kinds (outbox topic `flow.<kind>`) → centre kinds; kinds left out notify nobody here. */
const KINDS: Record<string, NotificationKind> = {
  "flow.task": "task_assigned",
  "flow.returned": "task_assigned",
  "flow.cc": "cc",
  "flow.urge": "urge",
  "flow.remind": "deadline_reminder",
  "flow.escalated": "deadline_reminder",
  "flow.finished": "flow_finished",
};

interface FlowPayload {
  users?: unknown;
  formId?: string;
  recordId?: string;
  taskId?: string;
  [key: string]: unknown;
}

/** Where a notification of the flow opens: the task when it names one, else the record's flow. */
export function flowLink(kind: NotificationKind, payload: FlowPayload): string | null {
  if (payload.taskId && kind !== "cc" && kind !== "flow_finished") return `/tasks/${payload.taskId}`;
  if (payload.formId && payload.recordId) return `/tasks/records/${payload.formId}/${payload.recordId}`;
  return null;
}

/** One INSERT for every recipient of the outbox rows' notify effects, or null when there are none. */
export function flowNotificationsPart(
  outbox: readonly NewOutboxRow[],
  gate?: RawBuilder<boolean>,
): RawBuilder<unknown> | null {
  const rows: NewNotification[] = [];
  for (const row of outbox) {
    const kind = KINDS[row.topic];
    const payload = (row.payload ?? {}) as FlowPayload;
    if (!kind || !Array.isArray(payload.users)) continue;
    const { users, ...rest } = payload;
    const data = { ...rest, event: row.topic.slice("flow.".length) };
    const link = flowLink(kind, payload);
    for (const user of new Set(users)) {
      if (typeof user === "string") rows.push({ userId: user, kind, payload: data, link });
    }
  }
  return rows.length === 0 ? null : notificationsInsert(rows, gate);
}
