// An automation whose actions only create records, on a record's create, is written by the trigger's
// own INSERT statement (automations/planned.ts, records/one-statement.ts): no transaction is opened,
// the created record has its revision, the run is logged, and after-commit listeners hear of both
// records. Whatever that statement cannot honour takes the transactional path with today's semantics:
// a mapping that fails validation, a unique value taken (the statement is refused whole and the create
// runs again: the user's record is written once and stands, the run is logged failed), a target form
// with automations of its own (a chain), a target form published again since it was loaded.
// On PGlite and PostgreSQL.
import type { FormDefinition } from "@formwork/schema";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RecordChange } from "../src/plugins/records/events";
import { automationsOf } from "./automation-fixtures";
import { serverTestDatabases as testDatabases } from "./databases";
import { startTestApp, type TestApp } from "./harness";

const ORDERS: FormDefinition = {
  key: "orders",
  name: "订单",
  fields: [
    { id: "title", type: "text", label: "标题", required: true },
    { id: "qty", type: "number", label: "数量" },
    { id: "remark", type: "text", label: "备注" },
  ],
};
const LOG: FormDefinition = {
  key: "order_log",
  name: "订单日志",
  fields: [
    { id: "title", type: "text", label: "标题", required: true },
    { id: "code", type: "text", label: "编码", unique: true },
    { id: "qty", type: "number", label: "数量", min: 0 },
    { id: "note", type: "text", label: "备注", default: { value: "自动" } },
  ],
};
const AUDIT: FormDefinition = {
  key: "audit",
  name: "审计",
  fields: [{ id: "what", type: "text", label: "内容" }],
};

interface Run {
  id: string;
  inputs: { record: { id: string; data: Record<string, unknown> } };
  status: string;
  error: string | null;
  outcomes: { type: string; status: string; detail?: { recordId?: string } }[];
}

describe.each(testDatabases())("automations in the trigger's statement ($name)", (database) => {
  let t: TestApp;
  let appId: string;
  const ids: Record<string, string> = {};
  const committed: RecordChange[] = [];

  beforeAll(async () => {
    t = await startTestApp(database, {
      workflowTimers: { enabled: false },
      automations: { enabled: false },
      outbox: { enabled: false },
      // Its worker polls in transactions of its own, which the counts below would see.
      imports: { enabled: false },
    });
    appId = (await t.admin.request("POST", "/api/apps", { name: "Shop" })).json().id;
    for (const definition of [ORDERS, LOG, AUDIT]) {
      const form = await t.admin.request("POST", `/api/apps/${appId}/forms`, definition);
      expect(form.statusCode, form.body).toBe(201);
      const published = await t.admin.request("POST", `/api/forms/${form.json().id}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      ids[definition.key] = form.json().id;
    }
    t.app.recordEvents.afterRecordCommit((change) => committed.push(change));
  });
  afterAll(async () => t?.close());

  const automations = automationsOf<Run>(() => ({ t, appId }));
  const save = async (definition: Record<string, unknown>) => (await automations.save(definition)).id;
  const { disable, runs } = automations;
  /** Submits an order; answers the record and how many transactions the server opened for it. */
  const order = async (data: Record<string, unknown>) => {
    const transactions = vi.spyOn(t.db, "transaction");
    try {
      const response = await t.admin.request("POST", `/api/forms/${ids.orders}/records`, { data });
      expect(response.statusCode, response.body).toBe(201);
      return { record: response.json<{ id: string }>(), transactions: transactions.mock.calls.length };
    } finally {
      transactions.mockRestore();
    }
  };
  const rows = async (key: string, field: string, value: unknown) => {
    const filter = encodeURIComponent(JSON.stringify({ "==": [{ var: field }, value] }));
    const response = await t.admin.request(
      "GET",
      `/api/forms/${ids[key]}/records?limit=200&filter=${filter}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ records: { id: string; data: Record<string, unknown> }[] }>().records;
  };
  const mapping = {
    title: 'CONCATENATE("Order: ", title)',
    code: "title",
    qty: "qty",
  };

  it("writes the automation's record, its revision and the run in the trigger's statement", async () => {
    const automation = await save({
      form: "orders",
      trigger: { type: "recordCreated" },
      condition: { ">": [{ var: "qty" }, 0] },
      actions: [{ type: "createRecord", form: "order_log", fields: mapping }],
    });
    // The first create of a form too: the webhooks listener looks the app's subscriptions up with the
    // create's handle (it used to answer from memory, so a form it had not seen took the transaction).
    expect((await order({ title: "A-0", qty: 1 })).transactions).toBe(0);
    committed.length = 0;
    const { record, transactions } = await order({ title: "A-1", qty: 3, remark: "not read" });
    expect(transactions).toBe(0);
    const [logged] = await rows("order_log", "code", "A-1");
    // The target's pipeline ran: the default filled, the formula mapped.
    expect(logged?.data).toMatchObject({ title: "Order: A-1", qty: 3, note: "自动" });
    const [run, ...earlier] = await runs(automation);
    expect(earlier).toHaveLength(1);
    expect(run).toMatchObject({
      status: "succeeded",
      outcomes: [{ type: "createRecord", status: "succeeded", detail: { recordId: logged!.id } }],
    });
    const revisions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM revisions
      WHERE record_id IN (${record.id}, ${logged!.id}) AND action = 'create'`.execute(t.db);
    expect(revisions.rows[0]?.n).toBe(2);
    // After commit: the automation's record (depth 1), then the order.
    expect(committed.map((c) => [c.formId, c.record.id, c.source, c.depth])).toEqual([
      [ids.order_log, logged!.id, "automation", 1],
      [ids.orders, record.id, "api", 0],
    ]);
    expect(committed[0]!.record.data).toMatchObject({ title: "Order: A-1", note: "自动" });

    // The condition does not hold: nothing runs, still one statement.
    const skipped = await order({ title: "A-2", qty: 0 });
    expect(skipped.transactions).toBe(0);
    expect(await rows("order_log", "code", "A-2")).toEqual([]);
    expect(await runs(automation)).toHaveLength(2);
    // A run that succeeded logs the fields the condition and the mapping read, not the whole record.
    expect(run!.inputs).toEqual({ record: { id: record.id, data: { title: "A-1", qty: 3 } } });
    await disable(automation);
  });

  it("a mapping the target refuses and a unique value taken: the order stands once, the run is logged failed", async () => {
    const automation = await save({
      form: "orders",
      trigger: { type: "recordCreated" },
      actions: [{ type: "createRecord", form: "order_log", fields: mapping }],
    });
    // qty below the target's minimum: planned, refused by validation, run on the transactional path.
    const invalid = await order({ title: "B-1", qty: -1, remark: "kept" });
    expect(invalid.transactions).toBeGreaterThan(0);
    expect(await rows("orders", "title", "B-1")).toHaveLength(1);
    expect(await rows("order_log", "code", "B-1")).toEqual([]);
    const [failed] = await runs(automation);
    expect(failed).toMatchObject({
      status: "failed",
      outcomes: [{ type: "createRecord", status: "failed" }],
    });
    expect(failed!.error).toContain("qty");
    // A failed run keeps the whole trigger record: a retry runs again with it.
    expect(failed!.inputs.record.data).toMatchObject({ title: "B-1", qty: -1, remark: "kept" });

    // A code already taken: the database refuses the one statement whole; the create runs again.
    await order({ title: "B-2", qty: 1 });
    const taken = await order({ title: "B-2", qty: 2 });
    expect(taken.transactions).toBeGreaterThan(0);
    const orders = await rows("orders", "title", "B-2");
    expect(orders.map((o) => o.data.qty).sort()).toEqual([1, 2]);
    expect((await rows("order_log", "code", "B-2")).map((l) => l.data.qty)).toEqual([1]);
    const [unique, succeeded] = await runs(automation);
    expect(succeeded?.status, JSON.stringify(await runs(automation))).toBe("succeeded");
    expect(unique).toMatchObject({ status: "failed" });
    await disable(automation);
  });

  it("a target form with automations of its own, or published again meanwhile, takes the transaction", async () => {
    const first = await save({
      form: "orders",
      trigger: { type: "recordCreated" },
      actions: [{ type: "createRecord", form: "order_log", fields: mapping }],
    });
    const chained = await save({
      form: "order_log",
      trigger: { type: "recordCreated" },
      actions: [{ type: "createRecord", form: "audit", fields: { what: "code" } }],
    });
    const chain = await order({ title: "C-1", qty: 1 });
    expect(chain.transactions).toBeGreaterThan(0);
    expect(await rows("audit", "what", "C-1")).toHaveLength(1);
    expect((await runs(chained))[0]?.status).toBe("succeeded");
    await disable(chained);

    // Another instance published the target again (its version moved past the one cached here): the
    // statement's guard refuses it whole; the transactional path logs the run failed, the order stands.
    const log = await t.app.recordEvents.plannersFor(ids.order_log!);
    expect(log).toEqual([]);
    await sql`UPDATE forms SET published_version = published_version + 1 WHERE id = ${ids.order_log}`.execute(
      t.db,
    );
    try {
      const stale = await order({ title: "C-2", qty: 1 });
      expect(stale.transactions).toBeGreaterThan(0);
      expect(await rows("orders", "title", "C-2")).toHaveLength(1);
      const [failed] = await runs(first);
      expect(failed).toMatchObject({ status: "failed" });
      expect(failed!.error).toBeTruthy();
    } finally {
      await sql`UPDATE forms SET published_version = published_version - 1 WHERE id = ${ids.order_log}`.execute(
        t.db,
      );
    }
    await disable(first);
  });

  it("deleting an automation deletes its run log (no foreign key: a statement trigger)", async () => {
    const kept = await save({
      form: "orders",
      trigger: { type: "recordCreated" },
      actions: [{ type: "createRecord", form: "audit", fields: { what: "title" } }],
    });
    const gone = await save({
      form: "orders",
      trigger: { type: "recordCreated" },
      actions: [{ type: "createRecord", form: "audit", fields: { what: 'CONCATENATE(title, "!")' } }],
    });
    expect((await order({ title: "D-1", qty: 1 })).transactions).toBe(0);
    const count = async (id: string) =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM automation_runs WHERE automation_id = ${id}`.execute(t.db)
      ).rows[0]?.n;
    expect([await count(kept), await count(gone)]).toEqual([1, 1]);
    const deleted = await t.admin.request("DELETE", `/api/apps/${appId}/automations/${gone}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect([await count(kept), await count(gone)]).toEqual([1, 0]);
    await disable(kept);
  });
});
