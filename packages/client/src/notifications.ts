// The notification centre and record comments (issue 7): GET /api/notifications (+ /count),
// POST /api/notifications/read, GET/POST /api/forms/:form/records/:id/comments, PATCH/DELETE /api/comments/:id.
import type { CommentInput, NotificationItem, RecordComment } from "@formwork/schema";
import { path, type Send } from "./transport";

export type { CommentInput, NotificationItem, RecordComment };

export interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unread: number;
}

/** Email copies of notifications: the member's choice, and whether the server can send email at all. */
export interface NotificationSettings {
  email: boolean;
  emailAvailable: boolean;
}

export function notificationsApi(send: Send) {
  return {
    list: (query: { unread?: boolean; cursor?: string; limit?: number } = {}) =>
      send<NotificationPage>({ method: "GET", path: "/api/notifications", query }),
    count: () => send<{ unread: number }>({ method: "GET", path: "/api/notifications/count" }),
    settings: () => send<NotificationSettings>({ method: "GET", path: "/api/notifications/settings" }),
    saveSettings: (settings: { email: boolean }) =>
      send<NotificationSettings>({ method: "PUT", path: "/api/notifications/settings", body: settings }),
    markRead: (which: { ids: string[] } | { all: true }) =>
      send<{ marked: number; unread: number }>({
        method: "POST",
        path: "/api/notifications/read",
        body: which,
      }),
  };
}

export function commentsApi(send: Send) {
  return {
    list: (formId: string, recordId: string) =>
      send<{ items: RecordComment[] }>({
        method: "GET",
        path: path`/api/forms/${formId}/records/${recordId}/comments`,
      }),
    create: (formId: string, recordId: string, input: CommentInput) =>
      send<RecordComment>({
        method: "POST",
        path: path`/api/forms/${formId}/records/${recordId}/comments`,
        body: input,
      }),
    update: (commentId: string, input: CommentInput) =>
      send<RecordComment>({ method: "PATCH", path: path`/api/comments/${commentId}`, body: input }),
    remove: (commentId: string) => send<void>({ method: "DELETE", path: path`/api/comments/${commentId}` }),
  };
}
