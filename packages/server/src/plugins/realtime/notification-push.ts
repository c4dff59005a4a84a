// Pushes unread notification counts to the sockets of users who got new notifications, whichever feature
// wrote them (flow CTEs, mentions, automations, timers): each instance reads the new rows' recipients
// from the primary key every `pollMs` while it has sockets, recounts only those with a socket of its own
// (one grouped count per batch) and emits to them locally, so it needs no adapter. Not a NOTIFY from the
// writers: a transaction that NOTIFYs holds a cluster-wide lock through its commit's WAL flush, and every
// approval would then commit one at a time (migration 0030 says more).
import { countUnread, countUnreadOf, latestNotificationId, recentNotifications } from "@formwork/db";
import type { FastifyBaseLogger } from "fastify";
import type { Server } from "socket.io";
import type { Db } from "../../database";
import { userRoom } from "./socket-auth";

/** Ids re-read behind the newest one seen: identities are handed out before commit, so a transaction may
 *  commit a lower id after a higher one was read. */
const LOOK_BACK = 200;
/** Users counted per statement (a burst to many recipients is several statements, not one huge IN). */
const COUNT_BATCH = 500;

export class NotificationPush {
  private lastId: number | null = null;
  private readonly announced = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly io: Server,
    private readonly pollMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts watching, from the newest row the first poll with a socket open finds (a database that is
   *  down at start does not stop the server from starting). */
  start(): void {
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => {
        this.polling = null;
      });
    }, this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
  }

  /** Pushes the user's current count to their sockets on every instance. */
  async push(userId: string, unread?: number): Promise<void> {
    const count = unread ?? (await countUnread(this.db, userId));
    this.io.to(userRoom(userId)).emit("notifications", { unread: count });
  }

  private async poll(): Promise<void> {
    try {
      // Nobody to tell: no query. The rows written meanwhile are read (up to 5,000 a poll) once a socket
      // opens, and pass by without a count unless their user is connected.
      if (this.io.of("/").sockets.size === 0) return;
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
      await this.pushCounts(users);
    } catch (error) {
      this.log.warn({ err: error }, "realtime notification watch");
    }
  }

  private async pushCounts(userIds: Iterable<string>): Promise<void> {
    const rooms = this.io.of("/").adapter.rooms;
    const local = [...userIds].filter((id) => rooms.has(userRoom(id)));
    for (let at = 0; at < local.length; at += COUNT_BATCH) {
      const users = local.slice(at, at + COUNT_BATCH);
      const counts = await countUnreadOf(this.db, users);
      for (const id of users)
        this.io.local.to(userRoom(id)).emit("notifications", { unread: counts.get(id) ?? 0 });
    }
  }
}
