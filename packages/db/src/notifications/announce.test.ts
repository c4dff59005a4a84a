// Migration 0028's announcement of notification recipients, heard through the handle's listener: only
// on commit, once per statement and user, from a CTE as from a plain insert, in payloads that stay under
// NOTIFY's 8,000 bytes however many users a statement reaches; and the recount it leads to is indexed.
import { CompiledQuery, type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import { listenerOf, NOTIFICATIONS_CHANNEL } from "../realtime/listener";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import {
  countUnread,
  countUnreadOf,
  insertNotifications,
  notificationsInsert,
  unreadCountsQuery,
} from "./notifications";

describe.each(testDatabases())("notification announcements on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  let unlisten: () => Promise<void>;
  /** Payloads heard, each as its user ids (PostgreSQL test schemas share one database: only ours). */
  const heard: string[][] = [];
  const ours = new Set<string>();

  beforeAll(async () => {
    ({ db, close } = await create());
    unlisten = await listenerOf(db)!.listen(NOTIFICATIONS_CHANNEL, {
      heard: (payload) => {
        expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
        const ids = payload.split(",");
        if (ids.some((id) => ours.has(id))) heard.push(ids);
      },
    });
  });
  afterAll(async () => {
    await unlisten?.();
    await close?.();
  });

  const users = async (n: number) => {
    const ids = Array.from({ length: n }, () => newId());
    await db
      .insertInto("users")
      .values(ids.map((id) => ({ id, email: `${id}@example.com`, name: id, password_hash: "x" })))
      .execute();
    for (const id of ids) ours.add(id);
    return ids;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
  const until = async (what: string, done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    if (!done()) throw new Error(`not heard: ${what}`);
  };

  it("announces a statement's recipients once each, after commit and never for a rollback", async () => {
    const [ann, ben] = await users(2);
    heard.length = 0;
    await expect(
      db.transaction().execute(async (tx) => {
        await insertNotifications(tx, [{ userId: ann!, kind: "mention" }]);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await settle();
    expect(heard).toEqual([]);

    let insideTransaction: string[][] | null = null;
    await db.transaction().execute(async (tx) => {
      await insertNotifications(tx, [
        { userId: ann!, kind: "mention" },
        { userId: ann!, kind: "cc" },
        { userId: ben!, kind: "automation" },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      insideTransaction = [...heard];
    });
    expect(insideTransaction).toEqual([]);
    await until("the commit", () => heard.length > 0);
    await settle();
    expect(heard.map((ids) => ids.sort())).toEqual([[ann!, ben!].sort()]);
  });

  it("announces rows a CTE of a larger statement inserts", async () => {
    const [cat] = await users(1);
    heard.length = 0;
    await sql`WITH written AS (${notificationsInsert([{ userId: cat!, kind: "task_assigned" }])} RETURNING id)
      SELECT count(*) FROM written`.execute(db);
    await until("the CTE", () => heard.some((ids) => ids.includes(cat!)));
  });

  it("splits a statement to many users into payloads under NOTIFY's limit", async () => {
    const many = await users(450);
    heard.length = 0;
    await insertNotifications(
      db,
      many.map((userId) => ({ userId, kind: "automation" as const })),
    );
    await until("all 450", () => new Set(heard.flat()).size === 450);
    expect(heard.length).toBe(3);
    expect(Math.max(...heard.map((ids) => ids.length))).toBe(200);
    expect(await countUnreadOf(db, many.slice(0, 3))).toEqual(new Map(many.slice(0, 3).map((id) => [id, 1])));
    expect(await countUnread(db, newId())).toBe(0);
  });

  it("recounts through notifications_user_ix, not a scan of the table", async () => {
    const plan = await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      const query = unreadCountsQuery(db, [newId(), newId()]).compile();
      const { rows } = await tx.executeQuery<{ "QUERY PLAN": string }>(
        CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]),
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("notifications_user_ix");
  });
});
