// The shared record/flow events hook: every write path emits through it; in-transaction listeners run in
// the write's transaction (a throw rolls the write back); after-commit listeners run only after a commit.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AFTER_COMMIT_KEPT,
  type FlowChange,
  type RecordChange,
  type RecordChanges,
  RerunWithSavepoints,
} from "../src/plugins/records/events";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm, QUOTES } from "./fixtures";
import { CSRF, startTestApp, type TestApp } from "./harness";
import { act, flowForm, oneApproval, submit, taskFor } from "./workflow-fixtures";

describe.each(testDatabases())("record events ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  let inTx: RecordChange[] = [];
  let committed: RecordChange[] = [];
  let committedIds: RecordChanges[] = [];
  let flowsInTx: FlowChange[] = [];
  let flowsCommitted: FlowChange[] = [];
  let failWith: string | null = null;
  let interested = false;
  /** Throws RerunWithSavepoints from the listener while the transaction is optimistic. */
  let rerunOnce = false;
  let optimisticSeen: boolean[] = [];

  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    const events = t.app.recordEvents;
    events.listensTo(async () => interested);
    events.onRecordChange(async (tx, change) => {
      expect(tx.isTransaction || !interested).toBe(true);
      inTx.push(change);
      optimisticSeen.push(events.optimistic(tx));
      if (failWith) throw new Error(failWith);
      if (rerunOnce && events.optimistic(tx)) throw new RerunWithSavepoints(new Error("try again"));
    });
    events.afterRecordCommit((change) => committed.push(change));
    events.afterRecordsCommit((changes) => committedIds.push(changes));
    events.onFlowChange(async (tx, change) => {
      // Like record listeners: in a transaction whenever a listener declared interest in the form.
      expect(tx.isTransaction || !interested).toBe(true);
      flowsInTx.push(change);
    });
    events.afterFlowCommit((change) => flowsCommitted.push(change));
    formId = await publishedForm(t, QUOTES);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    inTx = [];
    committed = [];
    committedIds = [];
    flowsInTx = [];
    flowsCommitted = [];
    failWith = null;
    interested = false;
    rerunOnce = false;
    optimisticSeen = [];
  });

  const count = async () =>
    (await t.admin.request("GET", `/api/forms/${formId}/records?limit=1`)).json<{
      count: { value: number };
    }>().count.value;

  it("emits created, updated, deleted and restored with the change's details", async () => {
    const created = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Pens", price: 2, qty: 3 },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(committed.map((c) => [c.kind, c.record.id, c.source, c.depth])).toEqual([
      ["created", id, "api", 0],
    ]);
    expect(committed[0]!.actor?.email).toBe("admin@example.com");
    expect(committed[0]!.appId).toBeTruthy();

    const patched = await t.admin.request(
      "PATCH",
      `/api/forms/${formId}/records/${id}`,
      { data: { qty: 4 } },
      { "if-match": '"1"' },
    );
    expect(patched.statusCode).toBe(200);
    const updated = committed.find((c) => c.kind === "updated")!;
    expect(updated.changedFields?.sort()).toEqual(["qty", "total"]);
    expect(updated.before?.data.qty).toBe(3);
    expect(updated.record.data.total).toBe(8);

    expect((await t.admin.request("DELETE", `/api/forms/${formId}/records/${id}`)).statusCode).toBe(200);
    expect((await t.admin.request("POST", `/api/forms/${formId}/records/${id}/restore`)).statusCode).toBe(
      200,
    );
    expect(committed.map((c) => c.kind)).toEqual(["created", "updated", "deleted", "restored"]);
    expect(inTx.map((c) => c.kind)).toEqual(["created", "updated", "deleted", "restored"]);
  });

  it("emits each record of a batch, in a transaction when a listener is interested", async () => {
    interested = true;
    const created = await t.admin.request("POST", `/api/forms/${formId}/records`, [
      { data: { title: "A" } },
      { data: { title: "B" } },
    ]);
    expect(created.statusCode).toBe(201);
    expect(inTx.map((c) => c.record.data.title)).toEqual(["A", "B"]);
    expect(committed).toHaveLength(2);
  });

  it("rolls the write back when an in-transaction listener throws, and runs no after-commit listener", async () => {
    interested = true;
    const before = await count();
    failWith = "listener refuses";
    const created = await t.admin.request("POST", `/api/forms/${formId}/records`, { data: { title: "No" } });
    expect(created.statusCode).toBe(500);
    expect(inTx).toHaveLength(1);
    expect(committed).toHaveLength(0);
    failWith = null;
    expect(await count()).toBe(before);

    const kept = await t.admin.request("POST", `/api/forms/${formId}/records`, { data: { title: "Yes" } });
    const id = kept.json<{ id: string }>().id;
    committed = [];
    failWith = "no edits";
    const patched = await t.admin.request(
      "PATCH",
      `/api/forms/${formId}/records/${id}`,
      { data: { title: "Changed" } },
      { "if-match": '"1"' },
    );
    expect(patched.statusCode).toBe(500);
    expect(committed).toHaveLength(0);
    failWith = null;
    const read = await t.admin.request("GET", `/api/forms/${formId}/records/${id}`);
    expect(read.json<{ data: { title: string } }>().data.title).toBe("Yes");
  });

  it("runs a single write optimistically first, and again with savepoints when a listener asks (one commit)", async () => {
    interested = true;
    const before = await count();
    const created = await t.admin.request("POST", `/api/forms/${formId}/records`, { data: { title: "Opt" } });
    expect(created.statusCode).toBe(201);
    expect(optimisticSeen).toEqual([true]);
    optimisticSeen = [];
    committed = [];
    rerunOnce = true;
    const again = await t.admin.request("POST", `/api/forms/${formId}/records`, { data: { title: "Twice" } });
    expect(again.statusCode, again.body).toBe(201);
    // The first attempt rolled back; the second ran with savepoints and committed once.
    expect(optimisticSeen).toEqual([true, false]);
    expect(committed.map((c) => c.record.id)).toEqual([again.json().id]);
    expect(await count()).toBe(before + 2);
  });

  it("keeps the first AFTER_COMMIT_KEPT changes of a transaction whole and the rest as ids per form", async () => {
    const events = t.app.recordEvents;
    const created = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Model" },
    });
    expect(created.statusCode).toBe(201);
    const model = committed[0]!;
    committed = [];
    expect(events.wantsCommittedRecords(t.db)).toBe(true);
    const ids = new Map<number, string>();
    const idOf = (n: number) => ids.get(n) ?? ids.set(n, randomUUID()).get(n)!;
    const change = (n: number, kind: RecordChange["kind"] = "created"): RecordChange => ({
      ...model,
      kind,
      record: { ...model.record, id: idOf(n) },
      source: "import",
    });
    await events.transaction(t.db, async (tx) => {
      for (let n = 0; n < AFTER_COMMIT_KEPT; n++) await events.emitRecord(tx, change(n));
      // Past the kept changes a refs-only create need not read its records back.
      expect(events.wantsCommittedRecords(tx)).toBe(false);
      for (let n = AFTER_COMMIT_KEPT; n < AFTER_COMMIT_KEPT + 3; n++) await events.emitRecord(tx, change(n));
      events.emitChangedIds(tx, {
        kind: "created",
        appId: model.appId,
        formId,
        recordIds: [idOf(AFTER_COMMIT_KEPT + 3), idOf(AFTER_COMMIT_KEPT + 4)],
      });
      // A refused part rolls back its ids too, and only those.
      await events
        .savepoint(tx, async () => {
          await events.emitRecord(tx, change(-1));
          await events.emitRecord(tx, change(-2, "updated"));
          throw new Error("refused");
        })
        .catch(() => undefined);
      await events.emitRecord(tx, change(9999, "updated"));
      expect(committed).toHaveLength(0);
    });
    expect(committed).toHaveLength(AFTER_COMMIT_KEPT);
    expect(committed.at(-1)!.record.id).toBe(idOf(AFTER_COMMIT_KEPT - 1));
    expect(committedIds).toEqual([
      {
        kind: "created",
        appId: model.appId,
        formId,
        recordIds: [0, 1, 2, 3, 4].map((i) => idOf(AFTER_COMMIT_KEPT + i)),
      },
      { kind: "updated", appId: model.appId, formId, recordIds: [idOf(9999)] },
    ]);
  });

  it("announces a change written in a transaction only once it commits, never after a rollback", async () => {
    const events = t.app.recordEvents;
    const created = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Planned" },
    });
    expect(created.statusCode).toBe(201);
    const change = { ...committed[0]!, source: "import" as const };
    committed = [];
    await events
      .transaction(t.db, async (tx) => {
        events.announce(tx, change);
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect(committed).toHaveLength(0);
    await events.transaction(t.db, async (tx) => {
      events.announce(tx, change);
      expect(committed).toHaveLength(0);
    });
    expect(committed).toEqual([change]);
  });

  it("emits a public fill link's submission with source public and no actor", async () => {
    const link = await t.admin.request("POST", `/api/forms/${formId}/public-links`, {
      kind: "fill",
      displayFields: ["title"],
    });
    expect(link.statusCode).toBe(201);
    const token = link.json<{ token: string }>().token;
    const sent = await t.anonymous.request(
      "POST",
      `/api/public/forms/${token}/records`,
      { data: { title: "From outside" } },
      CSRF,
    );
    expect(sent.statusCode).toBe(201);
    expect(committed.map((c) => [c.kind, c.source, c.actor])).toEqual([["created", "public", null]]);
  });

  it.each([
    ["in the transaction a listener asked for", true],
    ["on the one-statement path nobody needs a transaction for", false],
  ])("emits flow started, task-created and approved %s, and after commit", async (_, wanted) => {
    interested = wanted;
    const manager = await t.newUser(`manager-${wanted}-${database.name}@example.com`);
    const flowFormId = await flowForm(t, oneApproval(manager.id));
    const record = await submit(t.admin, flowFormId);
    expect(flowsInTx.map((c) => c.kind)).toEqual(["started", "task-created"]);
    expect(flowsInTx[1]!.assigneeIds).toEqual([manager.id]);
    expect(flowsInTx[0]!.recordId).toBe(record.id);
    const approved = await act(manager, await taskFor(manager, record.id), { action: "approve" });
    expect(approved.statusCode).toBe(200);
    expect(flowsCommitted.map((c) => c.kind)).toEqual(["started", "task-created", "approved"]);
    expect(flowsCommitted[2]!.actor?.userId).toBe(manager.id);
  });
});
