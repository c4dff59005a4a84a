// The notification centre's and record comments' shapes (issue 7), shared by the server's storage and
// the typed client so both speak one contract.

export const NOTIFICATION_KINDS = [
  "task_assigned",
  "cc",
  "mention",
  "automation",
  "deadline_reminder",
  "urge",
  "flow_finished",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  actor: { id: string; name: string } | null;
  /** The record's title (as the recipient may see it), or null. */
  title: string | null;
  /** Ids of what it is about (formId, recordId, taskId, commentId, excerpt, status, ...). */
  payload: Record<string, unknown>;
  /** An in-app path to open. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface RecordComment {
  id: string;
  formId: string;
  recordId: string;
  author: { id: string; name: string } | null;
  text: string;
  mentions: { id: string; name: string }[];
  createdAt: string;
  editedAt: string | null;
}

export interface CommentInput {
  text: string;
  /** Ids of mentioned members (each must be able to view the record). */
  mentions?: readonly string[];
}
