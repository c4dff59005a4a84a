// The realtime protocol (socket.io at /socket.io on the API's port), shared by the server and the web
// client. Every server event is a HINT: ids, versions and counts, never a field value. Clients refetch
// what the hint names through the REST API, which applies the permissions; a hint only says "look".

/** The socket.io path on the server's port. */
export const REALTIME_PATH = "/socket.io";

export type RecordChangeKind = "created" | "updated" | "deleted" | "restored";

/** A record of a watched form changed; sent only to viewers whose view scope holds the record. */
export interface RecordHint {
  formId: string;
  recordId: string;
  kind: RecordChangeKind;
  /** The record's version after the change (0 when unknown). */
  version: number;
}

/** The user's unread notification count changed. */
export interface NotificationsHint {
  unread: number;
}

/** Someone's tasks (the inbox's boxes and counts) changed. */
export type TasksHint = Record<string, never>;

export interface PresentUser {
  id: string;
  name: string;
}

/** Who has this form's designer open (every user once, however many tabs). */
export interface PresenceHint {
  formId: string;
  users: PresentUser[];
}

/** Another designer saved this form's draft or published it. */
export interface FormChangedHint {
  formId: string;
  kind: "draft" | "published";
  /** The draft revision after a save; the version after a publish. */
  revision?: number;
  version?: number;
  by: PresentUser;
}

/** Events the server sends. */
export interface RealtimeServerEvents {
  record: (hint: RecordHint) => void;
  notifications: (hint: NotificationsHint) => void;
  tasks: (hint: TasksHint) => void;
  presence: (hint: PresenceHint) => void;
  "form-changed": (hint: FormChangedHint) => void;
}

/** The answer to a client request: ok, or the stable error code of why not. */
export type RealtimeAck = { ok: true } | { ok: false; code: string };

/** Requests the client sends, each answered through the socket.io acknowledgement. */
export interface RealtimeClientEvents {
  /** Receive `record` hints for this form's records (the grid). */
  "watch-form": (formId: string, ack: (answer: RealtimeAck) => void) => void;
  "unwatch-form": (formId: string) => void;
  /** Appear in this form's designer presence and receive its `form-changed` and `presence` hints. */
  "open-designer": (formId: string, ack: (answer: RealtimeAck) => void) => void;
  "close-designer": (formId: string) => void;
}
