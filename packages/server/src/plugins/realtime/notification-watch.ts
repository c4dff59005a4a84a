// Pushes unread notification counts to the sockets of users who got new notifications, whichever
// feature wrote them (see @formwork/db recentNotifications for why the rows are read rather than
// announced). Each instance watches for its own sockets, so this needs no adapter; it queries only
// while some socket is open, one primary-key range scan per poll (counts only for users with sockets).
import { countUnread, latestNotificationId, recentNotifications } from "@formwork/db";
import type { FastifyBaseLogger } from "fastify";
import type { Server } from "socket.io";
import type { Db } from "../../database";
import { userRoom } from "./socket-auth";

/** Ids re-read behind the newest one seen: transactions that commit out of id order. */
const LOOK_BACK = 200;

export class NotificationWatch {
  private lastId: number | null = null;
  private readonly announced = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly io: Server,
    private readonly pollMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts polling; the starting point is read in the background (a database that is down at start
   *  must not stop the server from starting: the first poll that reaches it begins there). */
  start(): void {
    void this.begin();
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  private async begin(): Promise<void> {
    try {
      this.lastId ??= await latestNotificationId(this.db);
    } catch (error) {
      this.log.warn({ err: error }, "realtime notification watch");
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Pushes the user's current count to their sockets on every instance. */
  async push(userId: string, unread?: number): Promise<void> {
    const count = unread ?? (await countUnread(this.db, userId));
    this.io.to(userRoom(userId)).emit("notifications", { unread: count });
  }

  private async poll(): Promise<void> {
    if (this.running) return;
    // Nobody to tell; the rows written meanwhile are skipped over by the next poll's range.
    if (this.io.of("/").sockets.size === 0) return;
    this.running = true;
    try {
      if (this.lastId === null) {
        this.lastId = await latestNotificationId(this.db);
        return;
      }
      const rows = await recentNotifications(this.db, this.lastId, LOOK_BACK);
      const users = new Set<string>();
      for (const row of rows) {
        if (this.announced.has(row.id) || row.id <= this.lastId - LOOK_BACK) continue;
        this.announced.add(row.id);
        if (row.id > this.lastId) this.lastId = row.id;
        users.add(row.userId);
      }
      for (const id of this.announced) if (id <= this.lastId - LOOK_BACK) this.announced.delete(id);
      const rooms = this.io.of("/").adapter.rooms;
      await Promise.all(
        [...users]
          .filter((userId) => rooms.has(userRoom(userId)))
          .map(async (userId) => {
            const unread = await countUnread(this.db, userId);
            this.io.local.to(userRoom(userId)).emit("notifications", { unread });
          }),
      );
    } catch (error) {
      this.log.warn({ err: error }, "realtime notification watch");
    } finally {
      this.running = false;
    }
  }
}
