// Webhook subscriptions end to end: app admins manage them (secret shown once), record and flow events
// become signed deliveries in the write's transaction (a rolled-back write sends nothing), the delivery
// log with attempts, send test, redelivery and secret rotation — against a receiver on loopback reached
// through the allowlist.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { type Received, type Receiver, startReceiver } from "./outbound/receiver";
import { act, flowForm, oneApproval, taskFor } from "./workflow-fixtures";

function verify(call: Received, secret: string): boolean {
  const timestamp = call.headers["x-formwork-timestamp"] as string;
  const mac = createHmac("sha256", secret).update(`${timestamp}.${call.body}`).digest("hex");
  return call.headers["x-formwork-signature"] === `sha256=${mac}`;
}

describe.each(serverTestDatabases())("webhooks on $name", (database) => {
  let t: TestApp;
  let receiver: Receiver;
  let formId: string;
  let appId: string;
  let base: string;
  let failNextWrite = false;
  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp(database, {
      webhooks: { allowlist: ["127.0.0.1"] },
      outbox: { enabled: false, backoffBaseMs: 0, backoffMaxMs: 0 },
    });
    formId = await publishedForm(t);
    appId = (
      await t.db.selectFrom("forms").select("app_id").where("id", "=", formId).executeTakeFirstOrThrow()
    ).app_id;
    base = `/api/apps/${appId}/webhooks`;
    // Registered after the webhooks listener, so it runs after the enqueue and rolls it back.
    t.app.recordEvents.onRecordChange(async () => {
      if (failNextWrite) {
        failNextWrite = false;
        throw new Error("a later listener fails");
      }
    });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    // A failed test leaves its subscriptions behind: each test starts without any.
    for (const hook of (await t.admin.request("GET", base)).json().webhooks) {
      await t.admin.request("DELETE", `${base}/${hook.id}`);
    }
    receiver.received.length = 0;
    receiver.respond = (_request, response) => response.end("ok");
  });
  const drain = () => t.app.outbox.dispatcher.drain();

  async function subscribe(body: Record<string, unknown>) {
    const created = await t.admin.request("POST", base, {
      name: "CRM",
      url: `${receiver.url}/hook`,
      events: ["record.created", "record.updated", "record.deleted"],
      ...body,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string; secret: string; secretHint: string }>();
  }

  it("app admins manage subscriptions; the secret is shown on create only; bad input has pointers", async () => {
    const hook = await subscribe({ formIds: [formId] });
    expect(hook.secret).toMatch(/^whsec_/);
    expect(hook.secretHint).toBe(hook.secret.slice(-4));
    const list = await t.admin.request("GET", base);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(hook.secret);
    expect(list.json().webhooks).toHaveLength(1);
    expect(list.json().events).toContain("flow.approved");

    const member = await t.newUser("member@example.com");
    expect(errorOf(await member.request("GET", base)).status).toBe(403);
    expect(
      errorOf(
        await member.request("POST", base, { name: "x", url: receiver.url, events: ["record.created"] }),
      ).status,
    ).toBe(403);

    for (const url of [
      "http://169.254.169.254/latest",
      "http://[::ffff:10.0.0.1]/",
      "http://0x7f000002/",
      "http://localhost/",
    ]) {
      expect(
        errorOf(await t.admin.request("POST", base, { name: "x", url, events: ["record.created"] })),
      ).toMatchObject({
        status: 422,
        code: "VALIDATION_FAILED",
        path: "/url",
      });
    }
    expect(
      errorOf(
        await t.admin.request("POST", base, {
          name: "x",
          url: "ftp://example.com/",
          events: ["record.created"],
        }),
      ).path,
    ).toBe("/url");
    expect(
      errorOf(
        await t.admin.request("POST", base, { name: "x", url: receiver.url, events: ["record.exploded"] }),
      ).path,
    ).toBe("/events/0");
    expect(
      errorOf(
        await t.admin.request("POST", base, {
          name: "x",
          url: receiver.url,
          events: ["record.created"],
          formIds: ["00000000-0000-7000-8000-000000000000"],
        }),
      ),
    ).toMatchObject({ status: 404, path: "/formIds/0" });

    const renamed = await t.admin.request("PATCH", `${base}/${hook.id}`, { name: "ERP", enabled: false });
    expect(renamed.json()).toMatchObject({ name: "ERP", enabled: false });
    expect(renamed.body).not.toContain(hook.secret);
    expect((await t.admin.request("DELETE", `${base}/${hook.id}`)).statusCode).toBe(204);
    expect(errorOf(await t.admin.request("DELETE", `${base}/${hook.id}`)).status).toBe(404);
  });

  it("record events are signed deliveries with the record's fields; a rolled-back write sends nothing", async () => {
    const hook = await subscribe({});
    const created = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Pens", price: 2 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json<{ id: string }>();
    const updated = await t.admin.request(
      "PATCH",
      `/api/forms/${formId}/records/${record.id}`,
      { data: { price: 3 } },
      { "if-match": '"1"' },
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await t.admin.request("DELETE", `/api/forms/${formId}/records/${record.id}`)).statusCode).toBe(
      200,
    );

    failNextWrite = true;
    const failed = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Never" },
    });
    expect(failed.statusCode).toBe(500);

    await drain();
    const events = receiver.received.map((r) => r.headers["x-formwork-event"]);
    expect(events.sort()).toEqual(["record.created", "record.deleted", "record.updated"]);
    for (const call of receiver.received) expect(verify(call, hook.secret)).toBe(true);
    const first = JSON.parse(
      receiver.received.find((r) => r.headers["x-formwork-event"] === "record.created")!.body,
    );
    expect(first).toMatchObject({
      event: "record.created",
      app: { id: appId },
      form: { id: formId },
      record: { id: record.id, version: 1, data: { title: "Pens", price: 2 } },
      actor: { name: "Admin" },
    });
    expect(first.record).toHaveProperty("createdAt");
    expect(new Date(first.occurredAt).getTime()).not.toBeNaN();
    const keys = receiver.received.map((r) => r.headers["x-formwork-idempotency-key"]);
    expect(new Set(keys).size).toBe(3);
    expect(receiver.received.some((r) => r.body.includes("Never"))).toBe(false);
    await t.admin.request("DELETE", `${base}/${hook.id}`);
  });

  it("only subscribed events of chosen forms of enabled subscriptions are sent", async () => {
    const other = await publishedForm(t, { ...(await import("./fixtures")).QUOTES, key: "other_quotes" });
    const otherApp = (
      await t.db.selectFrom("forms").select("app_id").where("id", "=", other).executeTakeFirstOrThrow()
    ).app_id;
    // The same app: a second form, not chosen.
    const createdOnly = await subscribe({ events: ["record.created"], formIds: [formId] });
    const disabled = await subscribe({ enabled: false });
    const rec = (
      await t.admin.request("POST", `/api/forms/${formId}/records`, { data: { title: "A" } })
    ).json();
    await t.admin.request(
      "PATCH",
      `/api/forms/${formId}/records/${rec.id}`,
      { data: { title: "B" } },
      { "if-match": '"1"' },
    );
    await t.admin.request("POST", `/api/forms/${other}/records`, { data: { title: "elsewhere" } });
    await drain();
    expect(receiver.received.map((r) => [r.headers["x-formwork-event"], JSON.parse(r.body).form.id])).toEqual(
      [["record.created", formId]],
    );
    expect(otherApp).not.toBe(appId);
    for (const h of [createdOnly, disabled]) await t.admin.request("DELETE", `${base}/${h.id}`);
  });

  it("send test, the delivery log with attempts, redelivery and secret rotation", async () => {
    const hook = await subscribe({});
    receiver.respond = (_request, response) => {
      response.statusCode = 500;
      response.end("receiver broke");
    };
    const test = await t.admin.request("POST", `${base}/${hook.id}/test`);
    expect(test.statusCode).toBe(202);
    await drain();
    const log = await t.admin.request("GET", `${base}/${hook.id}/deliveries`);
    expect(log.statusCode).toBe(200);
    const [delivery] = log.json().deliveries;
    expect(delivery).toMatchObject({
      id: test.json().deliveryId,
      event: "ping",
      status: "dead",
      lastStatusCode: 500,
    });

    receiver.respond = (_request, response) => response.end("fine now");
    const rotated = await t.admin.request("POST", `${base}/${hook.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const secret = rotated.json().secret as string;
    expect(secret).not.toBe(hook.secret);
    const again = await t.admin.request("POST", `${base}/${hook.id}/deliveries/${delivery.id}/redeliver`);
    expect(again.statusCode).toBe(202);
    await drain();
    const detail = await t.admin.request("GET", `${base}/${hook.id}/deliveries/${delivery.id}`);
    expect(detail.json()).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
    expect(
      detail
        .json()
        .attemptLog.map((a: { statusCode: number; responseSnippet: string }) => [
          a.statusCode,
          a.responseSnippet,
        ]),
    ).toEqual([
      [500, "receiver broke"],
      [200, "fine now"],
    ]);
    expect(receiver.received.map((r) => r.headers["x-formwork-idempotency-key"])).toEqual([
      delivery.idempotencyKey,
      delivery.idempotencyKey,
    ]);
    expect(verify(receiver.received[1]!, secret)).toBe(true);
    expect(verify(receiver.received[1]!, hook.secret)).toBe(false);

    // Another app's admin path cannot reach this subscription's log.
    const elsewhere = (await t.admin.request("POST", "/api/apps", { name: "Elsewhere" })).json().id;
    expect(
      errorOf(await t.admin.request("GET", `/api/apps/${elsewhere}/webhooks/${hook.id}/deliveries`)).status,
    ).toBe(404);
    await t.admin.request("DELETE", `${base}/${hook.id}`);
  });

  it("flow events: started and approved (a finished flow; ended is an administrator's stop)", async () => {
    const manager = await t.newUser("manager@example.com");
    const flowFormId = await flowForm(t, oneApproval(manager.id));
    const flowApp = (
      await t.db.selectFrom("forms").select("app_id").where("id", "=", flowFormId).executeTakeFirstOrThrow()
    ).app_id;
    const created = await t.admin.request("POST", `/api/apps/${flowApp}/webhooks`, {
      name: "flows",
      url: `${receiver.url}/flows`,
      events: ["flow.started", "flow.approved", "flow.ended"],
    });
    expect(created.statusCode).toBe(201);
    const record = (
      await t.admin.request("POST", `/api/forms/${flowFormId}/records`, {
        data: { title: "Pens", amount: 1 },
      })
    ).json();
    const taskId = await taskFor(manager, record.id);
    expect((await act(manager, taskId, { action: "approve" })).statusCode).toBe(200);
    await drain();
    // Deliveries of one batch go out concurrently: their order of arrival is not the order of events.
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.event).sort()).toEqual(["flow.approved", "flow.started"]);
    for (const body of bodies) {
      expect(body).toMatchObject({
        form: { id: flowFormId },
        record: { id: record.id },
        flow: { instanceId: expect.any(String) },
      });
    }
  });
});
