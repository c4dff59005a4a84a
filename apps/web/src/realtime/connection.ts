// One socket.io connection per signed-in tab (cookie-authenticated, WebSocket only). socket.io-client is
// loaded on demand, so it never weighs on a page's first load. Forms being watched (grids) and designed
// are reference-counted and asked for again after every reconnect; a reconnect also tells the app to
// refetch everything the hints cover, since hints sent while it was away are lost.
import type {
  FormChangedHint,
  NotificationsHint,
  PresenceHint,
  RealtimeClientEvents,
  RealtimeServerEvents,
  RecordHint,
} from "@formwork/schema";
import type { Socket } from "socket.io-client";

// The server's REALTIME_PATH (@formwork/schema). Not imported as a value: that would pull the schema
// package's validators into every page's first load (types cost nothing).
const REALTIME_PATH = "/socket.io";

type ClientSocket = Socket<RealtimeServerEvents, RealtimeClientEvents>;

export interface RealtimeHandlers {
  record(hint: RecordHint): void;
  notifications(hint: NotificationsHint): void;
  tasks(): void;
  formChanged(hint: FormChangedHint): void;
  /** Connected again after a drop: refetch what hints would have refreshed meanwhile. */
  resync(watchedForms: string[]): void;
}

export class RealtimeConnection {
  private socket: ClientSocket | undefined;
  private readonly watched = new Map<string, number>();
  private readonly designing = new Map<string, number>();
  private readonly presenceListeners = new Set<(hint: PresenceHint) => void>();
  private readonly changeListeners = new Set<(hint: FormChangedHint) => void>();
  private connectedBefore = false;
  private closed = false;

  constructor(private readonly handlers: RealtimeHandlers) {}

  async start(): Promise<void> {
    const { io } = await import("socket.io-client");
    if (this.closed) return;
    const socket: ClientSocket = io({
      path: REALTIME_PATH,
      transports: ["websocket"],
      withCredentials: true,
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 15_000,
    });
    this.socket = socket;
    socket.on("connect", () => {
      for (const formId of this.watched.keys()) socket.emit("watch-form", formId, () => undefined);
      for (const formId of this.designing.keys()) socket.emit("open-designer", formId, () => undefined);
      if (this.connectedBefore) this.handlers.resync([...this.watched.keys()]);
      this.connectedBefore = true;
    });
    socket.on("record", (hint) => this.handlers.record(hint));
    socket.on("notifications", (hint) => this.handlers.notifications(hint));
    socket.on("tasks", () => this.handlers.tasks());
    socket.on("presence", (hint) => {
      for (const listener of this.presenceListeners) listener(hint);
    });
    socket.on("form-changed", (hint) => {
      this.handlers.formChanged(hint);
      for (const listener of this.changeListeners) listener(hint);
    });
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  /** Receive record hints for the form while the returned function has not been called. */
  watch(formId: string): () => void {
    return this.hold(this.watched, formId, "watch-form", "unwatch-form");
  }

  /** Appear in the form's designer presence (and hear its changes) until the returned function runs. */
  design(formId: string): () => void {
    return this.hold(this.designing, formId, "open-designer", "close-designer");
  }

  onPresence(listener: (hint: PresenceHint) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  onFormChanged(listener: (hint: FormChangedHint) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private hold(
    counts: Map<string, number>,
    formId: string,
    open: "watch-form" | "open-designer",
    close: "unwatch-form" | "close-designer",
  ): () => void {
    const count = counts.get(formId) ?? 0;
    counts.set(formId, count + 1);
    if (count === 0 && this.socket?.connected) this.socket.emit(open, formId, () => undefined);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (counts.get(formId) ?? 1) - 1;
      if (left > 0) {
        counts.set(formId, left);
        return;
      }
      counts.delete(formId);
      if (this.socket?.connected) this.socket.emit(close, formId);
    };
  }
}
