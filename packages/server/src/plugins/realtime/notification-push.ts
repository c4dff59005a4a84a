// Pushes unread notification counts to the sockets of users who got new notifications, whichever feature
// wrote them: migration 0028's statement trigger announces the recipients on commit (NOTIFY, heard by
// every instance; in-process on PGlite), so no writer has to remember to, and nothing polls. Each
// instance recounts only for recipients with a socket of its own, in one grouped count per batch of
// what it heard meanwhile, and emits to those sockets locally: the adapter is not needed for this.
import { countUnread, countUnreadOf, listenerOf, NOTIFICATIONS_CHANNEL } from "@formwork/db";
import type { FastifyBaseLogger } from "fastify";
import type { Server } from "socket.io";
import type { Db } from "../../database";
import { userRoom } from "./socket-auth";

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Users counted per statement (a burst to many recipients is several statements, not one huge IN). */
const COUNT_BATCH = 500;

export class NotificationPush {
  private readonly pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly io: Server,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Listens for recipients. A database that is down at start does not stop the server from starting
   *  (PostgreSQL's listener retries in the background and says when it is back). */
  async start(): Promise<void> {
    const listener = listenerOf(this.db);
    if (!listener) throw new Error("The database handle cannot listen (not opened by createDatabase)");
    try {
      this.unlisten = await listener.listen(NOTIFICATIONS_CHANNEL, {
        heard: (payload) => this.heard(payload),
        // Notifications may have been missed while the connection was down: every local user recounts.
        resumed: () => this.enqueue(this.localUsers()),
      });
    } catch (error) {
      this.log.warn({ err: error }, "realtime notification listener");
    }
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    await this.flushing;
  }

  /** Pushes the user's current count to their sockets on every instance. */
  async push(userId: string, unread?: number): Promise<void> {
    const count = unread ?? (await countUnread(this.db, userId));
    this.io.to(userRoom(userId)).emit("notifications", { unread: count });
  }

  private heard(payload: string): void {
    this.enqueue(payload.split(",").filter((id) => USER_ID.test(id)));
  }

  private enqueue(userIds: Iterable<string>): void {
    const rooms = this.io.of("/").adapter.rooms;
    for (const id of userIds) if (rooms.has(userRoom(id))) this.pending.add(id);
    if (this.pending.size > 0) this.flushing ??= this.flush();
  }

  /** Counts and pushes until nothing is pending: what arrives during a count waits for the next one. */
  private async flush(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const users = [...this.pending].slice(0, COUNT_BATCH);
        for (const id of users) this.pending.delete(id);
        try {
          const counts = await countUnreadOf(this.db, users);
          for (const id of users)
            this.io.local.to(userRoom(id)).emit("notifications", { unread: counts.get(id) ?? 0 });
        } catch (error) {
          this.log.warn({ err: error }, "realtime notification counts");
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  private localUsers(): string[] {
    const users: string[] = [];
    for (const room of this.io.of("/").adapter.rooms.keys()) {
      if (room.startsWith("user:")) users.push(room.slice(5));
    }
    return users;
  }
}
