// The outbox dispatcher against a receiver on loopback (reached through the allowlist): signed delivery
// with stable idempotency keys, retries then dead with one log row per attempt, and several dispatchers
// over one database never sending a message twice.
import { createHmac } from "node:crypto";
import { enqueueOutbox, newId } from "@formwork/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OutboxDispatcher } from "../src/plugins/outbox/dispatcher";
import { serverTestDatabases } from "./databases";
import { startTestApp, type TestApp } from "./harness";
import { type Receiver, startReceiver } from "./outbound/receiver";

describe.each(serverTestDatabases())("outbox dispatcher on $name", (database) => {
  let t: TestApp;
  let receiver: Receiver;
  let appId: string;
  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp(database, {
      webhooks: { allowlist: ["127.0.0.1"] },
      outbox: { enabled: false, backoffBaseMs: 0, backoffMaxMs: 0, batchSize: 8 },
    });
    appId = (await t.admin.request("POST", "/api/apps", { name: "Outbox" })).json().id;
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.respond = (_request, response) => response.end("ok");
    await t.db.deleteFrom("outbox").execute();
  });

  it("sends a committed message signed with its webhook's secret, and nothing for a rolled-back one", async () => {
    const webhookId = newId();
    await t.db
      .insertInto("webhooks")
      .values({
        id: webhookId,
        app_id: appId,
        name: "h",
        url: receiver.url,
        secret: "s3cret",
        events: ["record.created"],
      })
      .execute();
    await t.db.transaction().execute((tx) =>
      enqueueOutbox(tx, {
        kind: "webhook",
        target: `${receiver.url}/in`,
        payload: { event: "record.created", n: 1 },
        idempotencyKey: "k-committed",
        event: "record.created",
        appId,
        webhookId,
      }),
    );
    await t.db
      .transaction()
      .execute(async (tx) => {
        await enqueueOutbox(tx, {
          kind: "webhook",
          target: receiver.url,
          payload: {},
          idempotencyKey: "k-rolled",
        });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await t.app.outbox.dispatcher.drain()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [call] = receiver.received;
    expect(call!.path).toBe("/in");
    expect(JSON.parse(call!.body)).toEqual({ event: "record.created", n: 1 });
    expect(call!.headers["x-formwork-event"]).toBe("record.created");
    expect(call!.headers["x-formwork-idempotency-key"]).toBe("k-committed");
    const timestamp = call!.headers["x-formwork-timestamp"] as string;
    const expected = createHmac("sha256", "s3cret").update(`${timestamp}.${call!.body}`).digest("hex");
    expect(call!.headers["x-formwork-signature"]).toBe(`sha256=${expected}`);
    const row = await t.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "delivered", attempts: 1, last_status_code: 200 });
  });

  it("retries a failing receiver with the same idempotency key, logs each attempt, then gives up", async () => {
    receiver.respond = (_request, response) => {
      response.statusCode = 503;
      response.end("busy");
    };
    const id = await enqueueOutbox(t.db, {
      kind: "webhook",
      target: receiver.url,
      payload: { x: 1 },
      idempotencyKey: "k-retry",
      maxAttempts: 3,
    });
    await t.app.outbox.dispatcher.drain();
    expect(receiver.received.map((r) => r.headers["x-formwork-idempotency-key"])).toEqual([
      "k-retry",
      "k-retry",
      "k-retry",
    ]);
    const attempts = await t.db
      .selectFrom("outbox_attempts")
      .select(["attempt", "status_code", "error", "response_snippet"])
      .where("outbox_id", "=", id!)
      .orderBy("id")
      .execute();
    expect(attempts).toEqual(
      [1, 2, 3].map((attempt) => ({
        attempt,
        status_code: 503,
        error: "HTTP 503",
        response_snippet: "busy",
      })),
    );
    expect(await t.db.selectFrom("outbox").select("status").where("id", "=", id!).executeTakeFirst()).toEqual(
      {
        status: "dead",
      },
    );
  });

  it("gives up at once on a blocked address, without connecting", async () => {
    const id = await enqueueOutbox(t.db, {
      kind: "webhook",
      target: "http://169.254.169.254/latest/meta-data/",
      payload: {},
      idempotencyKey: "k-metadata",
    });
    await t.app.outbox.dispatcher.drain();
    const row = await t.db.selectFrom("outbox").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
    expect(row.last_error).toMatch(/blocked/);
  });

  it("several dispatchers over one database send every message exactly once", async () => {
    for (let i = 0; i < 40; i++) {
      await enqueueOutbox(t.db, {
        kind: "webhook",
        target: receiver.url,
        payload: { i },
        idempotencyKey: `k-many-${i}`,
      });
    }
    const options = { ...t.app.outbox.dispatcher.options, batchSize: 3 };
    const sender = t.app.outbox.dispatcher.senders;
    const dispatchers = Array.from(
      { length: 4 },
      () => new OutboxDispatcher(t.db, sender, t.app.log, options),
    );
    await Promise.all(dispatchers.map((d) => d.drain()));
    const keys = receiver.received.map((r) => r.headers["x-formwork-idempotency-key"]);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
  });

  it("the running loop delivers on its own", async () => {
    const loop = new OutboxDispatcher(t.db, t.app.outbox.dispatcher.senders, t.app.log, {
      ...t.app.outbox.dispatcher.options,
      pollMs: 50,
    });
    loop.start();
    try {
      await enqueueOutbox(t.db, {
        kind: "webhook",
        target: receiver.url,
        payload: {},
        idempotencyKey: "k-loop",
      });
      await receiver.waitFor(1);
    } finally {
      await loop.stop();
    }
    expect(receiver.received).toHaveLength(1);
  });
});
