// The realtime hub: socket.io on the Fastify server's port at /socket.io, WebSocket transport only (so
// several instances need no sticky sessions: docs/deploy.md). With PostgreSQL and a pub/sub pool, the
// @socket.io/postgres-adapter fans broadcasts (rooms of users, credentials, designers) and server-side
// messages (record changes, whose permission checks run on the instance holding each socket) out to
// every instance; on PGlite (one process) the default in-memory adapter does.
//
// Rooms: `user:<id>` and `cred:<via>:<id>` for every socket (pushes and disconnection), `form:<id>`
// for grid viewers, `design:<id>` for the form's designers. Every event is a hint (ids, versions,
// counts); clients refetch through the REST API.

import {
  type FormChangedHint,
  REALTIME_PATH,
  type RealtimeAck,
  type RealtimeClientEvents,
  type RecordHint,
} from "@formwork/schema";
import { createAdapter } from "@socket.io/postgres-adapter";
import type { FastifyInstance } from "fastify";
import type pg from "pg";
import { Server, type Socket } from "socket.io";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import type { CredentialCache } from "../auth/credential-cache";
import { recordScope, scopeTimeZone } from "../permissions/scope";
import type { RecordChanges } from "../records/events";
import type { PublishedForms } from "../records/published-forms";
import { recheckSockets } from "./credential-recheck";
import { NotificationPush } from "./notification-push";
import { announcePresence, mayDesign } from "./presence";
import { RecordFanout, tokenReaches } from "./record-fanout";
import {
  authenticateSocket,
  credentialRoom,
  designerRoom,
  formRoom,
  HandshakeError,
  type SocketData,
  userRoom,
} from "./socket-auth";

export interface PubSub {
  pool: pg.Pool;
  /** NOTIFY channel prefix: instances sharing it form one cluster (tests give each database its own). */
  channelPrefix: string;
}

export interface RealtimeOptions {
  db: Db;
  config: ServerConfig;
  forms: PublishedForms;
  credentials: CredentialCache;
  pubsub?: PubSub;
}

const RECORD_CHANGE = "formwork:record";
const RECORDS_CHANGE = "formwork:records";
/**
 * Record ids per message to the other instances: NOTIFY payloads stop at 8,000 bytes (larger ones would
 * need the adapter's attachments table), and a uuid is 39 bytes of JSON.
 */
const IDS_PER_MESSAGE = 150;
const RECHECK_USER = "formwork:recheck-user";

export class Realtime {
  readonly io: Server;
  private readonly fanout: RecordFanout;
  private readonly notifications: NotificationPush;
  private readonly clustered: boolean;
  private recheckTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: RealtimeOptions,
  ) {
    const { db, config, forms, credentials, pubsub } = options;
    this.io = new Server(app.server, {
      path: REALTIME_PATH,
      transports: ["websocket"],
      serveClient: false,
      // Hints are tiny; a client sending more than this is misbehaving.
      maxHttpBufferSize: 16 * 1024,
    });
    this.clustered = pubsub !== undefined;
    if (pubsub) {
      this.io.adapter(
        createAdapter(pubsub.pool, {
          channelPrefix: pubsub.channelPrefix,
          errorHandler: (error) => app.log.warn({ err: error }, "realtime adapter"),
        }),
      );
    }
    this.fanout = new RecordFanout(db, forms, this.io);
    this.notifications = new NotificationPush(db, this.io, config.realtime.notificationPollMs, app.log);

    this.io.use((socket, next) => {
      authenticateSocket(app, db, config, credentials, socket).then(
        (principal) => {
          (socket.data as SocketData).principal = principal;
          next();
        },
        (error: unknown) => {
          if (error instanceof HandshakeError) next(error);
          else {
            app.log.error({ err: error }, "realtime handshake");
            next(new HandshakeError("UNAUTHENTICATED", "The credential could not be checked"));
          }
        },
      );
    });
    this.io.on("connection", (socket) => this.connected(socket));
    this.io.on(RECORD_CHANGE, (hint: RecordHint) => void this.deliver(hint));
    this.io.on(RECORDS_CHANGE, (changes: RecordChanges) => void this.deliverMany(changes));
    this.io.on(RECHECK_USER, (userId: string) => void this.recheck(userId));

    // A revoked token, a logout or a fixation-replaced session ends its sockets on every instance.
    credentials.onForgetCredential((via, id) => this.io.in(credentialRoom(via, id)).disconnectSockets(true));
    // A user changed (disabled, sessions ended, admin flag): their sockets are checked again everywhere.
    credentials.onForget((userId) => {
      if (userId === null) return;
      void this.recheck(userId);
      if (this.clustered) this.io.serverSideEmit(RECHECK_USER, userId);
    });
  }

  async start(): Promise<void> {
    this.notifications.start();
    this.recheckTimer = setInterval(() => void this.recheck(), this.options.config.realtime.recheckMs);
    this.recheckTimer.unref();
  }

  /**
   * Closes this instance's connections and stops the background work. The transports are closed (not
   * the sockets told to go away), so clients reconnect, to another instance when this one is gone.
   */
  async close(): Promise<void> {
    clearInterval(this.recheckTimer);
    await this.notifications.stop();
    // Not io.close(): that closes the HTTP server too, which is Fastify's to close.
    await this.io.of("/").adapter.close();
    this.io.engine.close();
  }

  /** A disabled member: their sockets end at once on every instance. */
  disconnectUser(userId: string): void {
    this.io.in(userRoom(userId)).disconnectSockets(true);
  }

  /** After a record change committed: a hint to every viewer (on every instance) who may see it. */
  recordChanged(hint: RecordHint): void {
    void this.deliver(hint);
    if (this.clustered) this.io.serverSideEmit(RECORD_CHANGE, hint);
  }

  /**
   * After many changes of a form committed in one transaction (an import): one hint per viewer who may
   * see any of them, here and on every instance (ids sent in chunks: one NOTIFY each).
   */
  recordsChanged(changes: RecordChanges): void {
    void this.deliverMany(changes);
    if (!this.clustered) return;
    for (let i = 0; i < changes.recordIds.length; i += IDS_PER_MESSAGE) {
      const recordIds = changes.recordIds.slice(i, i + IDS_PER_MESSAGE);
      this.io.serverSideEmit(RECORDS_CHANGE, { ...changes, recordIds });
    }
  }

  /** After a draft save or a publish committed: the form's designers (and, on publish, its grids). */
  formChanged(hint: FormChangedHint): void {
    const rooms = [designerRoom(hint.formId)];
    if (hint.kind === "published") rooms.push(formRoom(hint.formId));
    this.io.to(rooms).emit("form-changed", hint);
  }

  /** The user's unread count went down (marked read): pushed to all their sockets. New notifications
   *  need no call: the database announces their recipients (notification-push.ts). */
  notificationsChanged(userId: string, unread?: number): Promise<void> {
    return this.notifications.push(userId, unread);
  }

  /** These users' tasks changed (a flow moved): their inbox counts and lists refetch. */
  tasksChanged(userIds: Iterable<string>): void {
    const rooms = [...new Set(userIds)].map(userRoom);
    if (rooms.length > 0) this.io.to(rooms).emit("tasks", {});
  }

  private async deliver(hint: RecordHint): Promise<void> {
    try {
      await this.fanout.deliver(hint);
    } catch (error) {
      // A form deleted or unpublished meanwhile has nobody to tell; anything else is logged.
      this.app.log.warn({ err: error, formId: hint.formId }, "realtime record hint");
    }
  }

  private async deliverMany({ formId, kind, recordIds }: RecordChanges): Promise<void> {
    try {
      await this.fanout.deliverAny(formId, kind, recordIds);
    } catch (error) {
      this.app.log.warn({ err: error, formId }, "realtime record hint");
    }
  }

  private async recheck(userId?: string): Promise<void> {
    try {
      await recheckSockets(this.options.db, this.io, userId);
    } catch (error) {
      this.app.log.warn({ err: error }, "realtime credential recheck");
    }
  }

  private connected(socket: Socket<RealtimeClientEvents>): void {
    const { principal } = socket.data as SocketData;
    void socket.join([userRoom(principal.userId), credentialRoom(principal.via, principal.credentialId)]);
    const reply = (ack: unknown, answer: RealtimeAck) => {
      if (typeof ack === "function") ack(answer);
    };
    socket.on("watch-form", (formId, ack) => {
      this.mayWatch(socket, formId).then(
        (ok) => {
          if (ok) void socket.join(formRoom(formId));
          reply(ack, ok ? { ok: true } : { ok: false, code: "NOT_FOUND" });
        },
        () => reply(ack, { ok: false, code: "NOT_FOUND" }),
      );
    });
    socket.on("unwatch-form", (formId) => {
      if (typeof formId === "string") void socket.leave(formRoom(formId));
    });
    socket.on("open-designer", (formId, ack) => {
      const { principal: current } = socket.data as SocketData;
      (typeof formId === "string"
        ? mayDesign(this.options.db, current, formId)
        : Promise.resolve(false)
      ).then(
        async (ok) => {
          if (!ok) return reply(ack, { ok: false, code: "FORBIDDEN" });
          await socket.join(designerRoom(formId));
          reply(ack, { ok: true });
          await announcePresence(this.io, formId);
        },
        () => reply(ack, { ok: false, code: "FORBIDDEN" }),
      );
    });
    socket.on("close-designer", (formId) => {
      if (typeof formId !== "string" || !socket.rooms.has(designerRoom(formId))) return;
      void Promise.resolve(socket.leave(designerRoom(formId))).then(() => this.presence(formId));
    });
    // The designer rooms are known while disconnecting; their lists are sent once the socket has left.
    let leaving: string[] = [];
    socket.on("disconnecting", () => {
      leaving = [...socket.rooms].filter((room) => room.startsWith("design:")).map((room) => room.slice(7));
    });
    socket.on("disconnect", () => {
      for (const formId of leaving) void this.presence(formId);
    });
  }

  private async presence(formId: string): Promise<void> {
    try {
      await announcePresence(this.io, formId);
    } catch (error) {
      this.app.log.warn({ err: error }, "realtime presence");
    }
  }

  /** Grid viewers: the form exists, is published, its app is within a token's reach, and they may view. */
  private async mayWatch(socket: Socket, formId: unknown): Promise<boolean> {
    if (typeof formId !== "string" || !/^[0-9a-f-]{36}$/i.test(formId)) return false;
    const { principal } = socket.data as SocketData;
    const { db, forms } = this.options;
    const form = await forms.get(formId);
    if (!tokenReaches(principal, await forms.appIdOf(formId))) return false;
    const scope = await recordScope(db, { ...principal }, form, scopeTimeZone(db));
    return scope.actions.has("view");
  }
}

declare module "fastify" {
  interface FastifyInstance {
    /** Realtime pushes; features call it after their transaction commits. */
    realtime: Realtime;
  }
}
