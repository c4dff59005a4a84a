// LISTEN on a database handle: what the server hears of NOTIFYs sent by triggers (a timer falling due
// soon, see migration 0026). Every handle createDatabase opens can listen, so it is found from the
// handle (`listenerOf(db)`) rather than passed beside it to every place that builds an app from one.
// PGlite delivers notifications in-process after the COMMIT that sent them; PostgreSQL through one
// connection of its own per handle, opened while someone listens and reopened after it is lost.
import type { PGlite } from "@electric-sql/pglite";
import type { Kysely } from "kysely";
import pg from "pg";
import type { SystemTables } from "../tables";

/** The channel migration 0026's trigger wakes the timer pollers on (a timer due within a minute). */
export const TIMERS_CHANNEL = "formwork_timers";

export interface Listening {
  /** `heard` gets each payload after its transaction committed; `resumed` follows a reconnection, when
   *  notifications may have been missed. */
  heard: (payload: string) => void;
  resumed?: () => void;
}

export interface Listener {
  /** Listens on `channel` (a plain lower-case name) until the returned function is called. */
  listen(channel: string, listening: Listening): Promise<() => Promise<void>>;
}

const listeners = new WeakMap<object, Listener>();

/** The listener of a handle createDatabase opened (undefined for any other Kysely). */
export function listenerOf(db: object): Listener | undefined {
  return listeners.get(db);
}

export function attachListener(db: object, listener: Listener): void {
  listeners.set(db, listener);
}

function checkChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Unsafe channel: ${channel}`);
}

/**
 * PGlite: its own listen, run while holding the handle's connection (the driver's mutex), so LISTEN
 * never lands inside another caller's open transaction (and would not be undone by its rollback).
 */
export function pgliteListener(db: Kysely<SystemTables>, pglite: PGlite): Listener {
  return {
    async listen(channel, { heard }) {
      checkChannel(channel);
      const stop = await db.connection().execute(() => pglite.listen(channel, heard));
      return async () => {
        if (!pglite.closed) await db.connection().execute(() => stop());
      };
    },
  };
}

const RETRY_MS = [250, 1_000, 5_000];

/**
 * PostgreSQL: one dedicated client for all channels of the handle. A start while the database is down
 * does not fail: the client is retried in the background and `resumed` tells the listeners when it is
 * back (as after any lost connection).
 */
export class PgListener implements Listener {
  private readonly channels = new Map<string, Set<Listening>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(private readonly config: pg.ClientConfig) {}

  async listen(channel: string, listening: Listening): Promise<() => Promise<void>> {
    checkChannel(channel);
    const set = this.channels.get(channel) ?? new Set();
    const fresh = set.size === 0;
    set.add(listening);
    this.channels.set(channel, set);
    if (!this.client) await this.connect();
    // Again after a connect, which may have begun before this channel was added (LISTEN is idempotent).
    if (fresh && this.client) await this.client.query(`LISTEN ${channel}`).catch(() => this.lost());
    return async () => {
      set.delete(listening);
      if (set.size > 0) return;
      this.channels.delete(channel);
      if (this.channels.size === 0) await this.close();
      else await this.client?.query(`UNLISTEN ${channel}`).catch(() => {});
    };
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ application_name: "formwork-listen", ...this.config });
    // A lost connection (a restart, a killed backend) is reopened; it must not crash the process.
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", ({ channel, payload }) => {
      for (const listening of this.channels.get(channel) ?? []) listening.heard(payload ?? "");
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    } catch {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      this.schedule();
      return;
    }
    if (this.channels.size === 0) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      return;
    }
    const resumed = this.failures > 0;
    this.failures = 0;
    this.client = client;
    if (resumed) for (const set of this.channels.values()) for (const l of set) l.resumed?.();
  }

  private lost(client: pg.Client | null = this.client): void {
    if (client === null || client !== this.client) return;
    this.client = null;
    client.removeAllListeners("end");
    void client.end().catch(() => {});
    this.failures = Math.max(this.failures, 1);
    this.schedule();
  }

  private schedule(): void {
    if (this.channels.size === 0 || this.retry) return;
    const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
    this.failures += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, wait);
    this.retry.unref();
  }

  /** Stops listening on every channel (the handle is closing). */
  async close(): Promise<void> {
    this.channels.clear();
    clearTimeout(this.retry);
    this.retry = undefined;
    await this.connecting;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
    }
  }
}
