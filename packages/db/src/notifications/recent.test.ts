// What the realtime watch reads of new notifications: the committed rows past an id, from a CTE as from
// a plain insert, with their recipients; and the recount it leads to is indexed. The insert writes only
// active users and finds them by key.
import { CompiledQuery, type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import { latestNotificationId, recentNotifications } from "../realtime/new-notifications";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import {
  countUnread,
  countUnreadOf,
  insertNotifications,
  notificationsInsert,
  unreadCountsQuery,
} from "./notifications";

describe.each(testDatabases())("new notifications on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await create());
  });
  afterAll(async () => {
    await close?.();
  });

  const users = async (n: number) => {
    const ids = Array.from({ length: n }, () => newId());
    await db
      .insertInto("users")
      .values(ids.map((id) => ({ id, email: `${id}@example.com`, name: id, password_hash: "x" })))
      .execute();
    return ids;
  };
  const since = async (id: number) => (await recentNotifications(db, id, 0)).map((r) => r.userId);

  it("reads the committed rows past an id, never a rolled-back one", async () => {
    const [ann, ben] = await users(2);
    const start = await latestNotificationId(db);
    await expect(
      db.transaction().execute(async (tx) => {
        await insertNotifications(tx, [{ userId: ann!, kind: "mention" }]);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await since(start)).toEqual([]);
    await insertNotifications(db, [
      { userId: ann!, kind: "mention" },
      { userId: ben!, kind: "automation" },
    ]);
    expect(await since(start)).toEqual([ann, ben]);
    const top = await latestNotificationId(db);
    expect(top).toBeGreaterThan(start);
    expect(await since(top)).toEqual([]);
    // The look back re-reads rows below the newest seen (a transaction may commit a lower id later).
    expect((await recentNotifications(db, top, 1)).map((r) => r.userId)).toEqual([ben]);
  });

  it("reads rows a CTE of a larger statement inserted", async () => {
    const [cat] = await users(1);
    const start = await latestNotificationId(db);
    await sql`WITH written AS (${notificationsInsert([{ userId: cat!, kind: "task_assigned" }])} RETURNING id)
      SELECT count(*) FROM written`.execute(db);
    expect(await since(start)).toEqual([cat]);
  });

  it("counts many recipients at once", async () => {
    const many = await users(450);
    await insertNotifications(
      db,
      many.map((userId) => ({ userId, kind: "automation" as const })),
    );
    expect(await countUnreadOf(db, many.slice(0, 3))).toEqual(new Map(many.slice(0, 3).map((id) => [id, 1])));
    expect(await countUnread(db, newId())).toBe(0);
  });

  it("writes only recipients that are active users", async () => {
    const [active, disabled] = await users(2);
    await db.updateTable("users").set({ disabled: true }).where("id", "=", disabled!).execute();
    const start = await latestNotificationId(db);
    await insertNotifications(
      db,
      [active!, disabled!, "system", newId(), "not-a-uuid"].map((userId) => ({
        userId,
        kind: "automation" as const,
      })),
    );
    expect(await since(start)).toEqual([active]);
  });

  it("looks each recipient up by the users' primary key, not a scan of users", async () => {
    const plan = await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      const query = sql`EXPLAIN ${notificationsInsert([{ userId: newId(), kind: "automation" }])}`.compile(
        db,
      );
      const { rows } = await tx.executeQuery<{ "QUERY PLAN": string }>(query);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("users_pkey");
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
