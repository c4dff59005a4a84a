import fc from "fast-check";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import {
  backoffMs,
  claimOutbox,
  enqueueOutbox,
  msUntilNextOutbox,
  recordOutboxAttempt,
  requeueOutbox,
} from "./outbox";

describe("backoffMs", () => {
  it("grows exponentially up to the cap and jitters within 50–100%", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (n, r) => {
          const ms = backoffMs(n, 1000, 3_600_000, () => r);
          const full = Math.min(3_600_000, 1000 * 2 ** (n - 1));
          expect(ms).toBeGreaterThanOrEqual(Math.floor(full / 2));
          expect(ms).toBeLessThanOrEqual(full);
        },
      ),
    );
    expect(backoffMs(3, 1000, 60_000, () => 0.999999)).toBe(4000);
  });
});

describe.each(testDatabases())("outbox on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await create());
  });
  afterAll(() => close());

  const webhook = (key: string) => ({
    kind: "webhook" as const,
    target: "https://example.com/hook",
    payload: { hello: key },
    idempotencyKey: key,
    event: "test",
  });

  it("sends nothing from a rolled-back transaction and ignores a repeated key", async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await enqueueOutbox(tx, webhook("rolled-back"));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const first = await db.transaction().execute((tx) => enqueueOutbox(tx, webhook("committed")));
    const again = await enqueueOutbox(db, webhook("committed"));
    expect(first).toBeTruthy();
    expect(again).toBeNull();
    const rows = await db.selectFrom("outbox").select(["idempotency_key", "status", "payload"]).execute();
    expect(rows).toEqual([
      { idempotency_key: "committed", status: "pending", payload: { hello: "committed" } },
    ]);
    await db.deleteFrom("outbox").execute();
  });

  it("hands each due message to one claimer at a time, under concurrency", async () => {
    for (let i = 0; i < 30; i++) await enqueueOutbox(db, webhook(`c${i}`));
    const claims = await Promise.all(
      Array.from({ length: 6 }, () => claimOutbox(db, { limit: 7, leaseMs: 60_000 })),
    );
    const ids = claims.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rest = await claimOutbox(db, { limit: 100, leaseMs: 60_000 });
    expect(ids.length + rest.length).toBe(30);
    expect(await claimOutbox(db, { limit: 100, leaseMs: 60_000 })).toEqual([]);
    await db.deleteFrom("outbox").execute();
  });

  it("retries after the backoff, logs every attempt and gives up as dead after max attempts", async () => {
    const id = await enqueueOutbox(db, { ...webhook("retry"), maxAttempts: 2 });
    const [first] = await claimOutbox(db, { limit: 10, leaseMs: 60_000 });
    expect(first).toMatchObject({ id, attempt: 1, maxAttempts: 2 });
    const failed = {
      startedAt: new Date(),
      durationMs: 12,
      statusCode: 500,
      error: "HTTP 500",
      delivered: false,
    };
    expect(await recordOutboxAttempt(db, first!, { ...failed, retryInMs: 0, responseSnippet: "oops" })).toBe(
      "pending",
    );
    const [second] = await claimOutbox(db, { limit: 10, leaseMs: 60_000 });
    expect(second).toMatchObject({ id, attempt: 2 });
    // A stale claim (attempt 1) no longer moves the message.
    expect(await recordOutboxAttempt(db, first!, { ...failed, retryInMs: 0 })).toBeNull();
    expect(await recordOutboxAttempt(db, second!, { ...failed, retryInMs: null })).toBe("dead");
    const attempts = await db
      .selectFrom("outbox_attempts")
      .select(["attempt", "status_code", "error", "response_snippet", "duration_ms"])
      .where("outbox_id", "=", id!)
      .orderBy("id")
      .execute();
    expect(attempts.map((a) => a.attempt)).toEqual([1, 1, 2]);
    expect(attempts[0]).toMatchObject({
      status_code: 500,
      error: "HTTP 500",
      response_snippet: "oops",
      duration_ms: 12,
    });

    // Redelivery: due again with a fresh budget; a delivered message is done.
    expect(await requeueOutbox(db, id!)).toBe(true);
    expect(await requeueOutbox(db, id!)).toBe(false);
    const [third] = await claimOutbox(db, { limit: 10, leaseMs: 60_000 });
    expect(third).toMatchObject({ id, attempt: 3 });
    expect(
      await recordOutboxAttempt(db, third!, {
        startedAt: new Date(),
        durationMs: 3,
        statusCode: 204,
        delivered: true,
        retryInMs: null,
      }),
    ).toBe("delivered");
    expect(await claimOutbox(db, { limit: 10, leaseMs: 0 })).toEqual([]);
    expect(await msUntilNextOutbox(db)).toBeNull();
    await db.deleteFrom("outbox").execute();
  });

  it("a message in its backoff or lease is not due", async () => {
    await enqueueOutbox(db, webhook("lease"));
    const [claimed] = await claimOutbox(db, { limit: 1, leaseMs: 60_000 });
    expect(claimed).toBeTruthy();
    expect(await claimOutbox(db, { limit: 1, leaseMs: 60_000 })).toEqual([]);
    const wait = await msUntilNextOutbox(db);
    expect(wait).toBeGreaterThan(30_000);
    await db.deleteFrom("outbox").execute();
  });

  it("copies a notification to the outbox as an email only for recipients who opted in", async () => {
    const alice = newId();
    const bob = newId();
    await db
      .insertInto("users")
      .values([
        { id: alice, email: "alice@example.com", name: "Alice", password_hash: "" },
        { id: bob, email: "bob@example.com", name: "Bob", password_hash: "" },
      ])
      .execute();
    await db.insertInto("user_notification_settings").values({ user_id: alice, email: true }).execute();
    await sql`INSERT INTO notifications (user_id, kind, title) VALUES (${alice}, 'mention', 'a'), (${bob}, 'mention', 'b')`.execute(
      db,
    );
    const rows = await db.selectFrom("outbox").select(["kind", "target", "payload", "event"]).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "email",
      target: "alice@example.com",
      event: "notification.mention",
    });
    expect((rows[0]!.payload as { notificationId: number }).notificationId).toEqual(expect.any(Number));
    await db.deleteFrom("outbox").execute();
  });
});
