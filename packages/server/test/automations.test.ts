// Automations (issue 7): record triggers run in the user's transaction in a savepoint (exactly once when
// they succeed; rolled back alone and logged when they fail, the user's write kept), loop depth, the
// schedule and date-field poller (two pollers fire once), flow triggers, the run log with retry, and
// permissions. On PGlite and PostgreSQL.
import type { FormDefinition } from "@formwork/schema";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { automationsOf } from "./automation-fixtures";
import { serverTestDatabases as testDatabases } from "./databases";
import { grantEveryone } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { act, flowForm, oneApproval, submit, taskFor } from "./workflow-fixtures";

const CUSTOMERS: FormDefinition = {
  key: "customers",
  name: "客户",
  fields: [
    { id: "name", type: "text", label: "名称", required: true },
    { id: "level", type: "select", label: "级别", options: [{ value: "a" }, { value: "b" }] },
    { id: "phone", type: "text", label: "电话" },
    { id: "next_follow", type: "date", label: "下次跟进时间" },
    { id: "owner", type: "member", label: "负责人" },
  ],
};
const FOLLOWUPS: FormDefinition = {
  key: "followups",
  name: "跟进记录",
  fields: [
    { id: "customer", type: "text", label: "客户" },
    { id: "note", type: "text", label: "内容", unique: true },
    { id: "score", type: "number", label: "分数" },
  ],
};

interface Run {
  id: string;
  status: string;
  error: string | null;
  depth: number;
  retryOf: string | null;
  outcomes: { type: string; status: string; detail?: Record<string, unknown>; error?: string }[];
}

describe.each(testDatabases())("automations ($name)", (database) => {
  let t: TestApp;
  let appId: string;
  let customers: string;
  let followups: string;

  beforeAll(async () => {
    t = await startTestApp(database, {
      workflowTimers: { enabled: false },
      automations: { enabled: false },
      outbox: { enabled: false },
    });
    appId = (await t.admin.request("POST", "/api/apps", { name: "CRM" })).json().id;
    const create = async (definition: FormDefinition) => {
      const form = await t.admin.request("POST", `/api/apps/${appId}/forms`, definition);
      if (form.statusCode !== 201) throw new Error(form.body);
      const published = await t.admin.request("POST", `/api/forms/${form.json().id}/publish`);
      if (published.statusCode !== 200) throw new Error(published.body);
      return form.json().id as string;
    };
    customers = await create(CUSTOMERS);
    followups = await create(FOLLOWUPS);
  });
  afterAll(async () => t?.close());

  const { save, disable, runs } = automationsOf<Run>(() => ({ t, appId }));
  const create = async (formId: string, data: Record<string, unknown>) => {
    const response = await t.admin.request("POST", `/api/forms/${formId}/records`, { data });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number; data: Record<string, unknown> }>();
  };
  const records = async (formId: string, filter?: unknown) => {
    const query = filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : "";
    const response = await t.admin.request("GET", `/api/forms/${formId}/records?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ records: { id: string; data: Record<string, unknown> }[] }>().records;
  };
  const followupsOf = (name: string) => records(followups, { "==": [{ var: "customer" }, name] });

  it("on create of 客户, creates one 跟进记录 with formula-mapped fields, in the same transaction", async () => {
    const automation = await save({
      form: "customers",
      trigger: { type: "recordCreated" },
      condition: { "==": [{ var: "level" }, "a"] },
      actions: [
        {
          type: "createRecord",
          form: "followups",
          fields: {
            customer: 'CONCATENATE(name, "-", level)',
            note: 'CONCATENATE("首次跟进 ", name)',
            score: "LEN(name) * 10",
          },
        },
      ],
    });
    const customer = await create(customers, { name: "星河", level: "a" });
    expect(await followupsOf("星河-a")).toMatchObject([{ data: { note: "首次跟进 星河", score: 20 } }]);
    await create(customers, { name: "不跟进", level: "b" });
    expect(await followupsOf("不跟进-b")).toEqual([]);
    const log = await runs(automation.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      status: "succeeded",
      depth: 0,
      outcomes: [{ type: "createRecord", status: "succeeded" }],
    });
    const logged = (
      await t.admin.request("GET", `/api/apps/${appId}/automations/${automation.id}/runs`)
    ).json();
    expect(logged.runs[0].trigger).toMatchObject({
      kind: "record.created",
      recordId: customer.id,
      source: "api",
    });
    expect(logged.runs[0].inputs.record.data.name).toBe("星河");
    await disable(automation.id);
  });

  it("a failing action rolls back alone: the user's write stands, the run is logged failed and can be retried", async () => {
    const automation = await save({
      form: "customers",
      trigger: { type: "recordCreated" },
      actions: [
        { type: "createRecord", form: "followups", fields: { customer: "name", note: '"固定内容"' } },
        { type: "notify", users: [], title: '"never"' },
      ],
    });
    await create(customers, { name: "甲" });
    const second = await create(customers, { name: "乙" });
    // The second automation create hit the unique note: the customer exists, the follow-up does not.
    expect((await records(customers, { "==": [{ var: "name" }, "乙"] })).map((r) => r.id)).toEqual([
      second.id,
    ]);
    expect(await followupsOf("乙")).toEqual([]);
    const [failed, succeeded] = await runs(automation.id);
    expect(succeeded?.status).toBe("succeeded");
    expect(failed).toMatchObject({
      status: "failed",
      outcomes: [
        { type: "createRecord", status: "failed" },
        { type: "notify", status: "skipped" },
      ],
    });
    expect(failed!.error).toBeTruthy();

    // Free the unique value and retry: the follow-up comes, once.
    const blocking = (await followupsOf("甲"))[0]!;
    expect(
      (await t.admin.request("DELETE", `/api/forms/${followups}/records/${blocking.id}`)).statusCode,
    ).toBe(200);
    const retried = await t.admin.request(
      "POST",
      `/api/apps/${appId}/automations/${automation.id}/runs/${failed!.id}/retry`,
    );
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.json()).toMatchObject({ status: "succeeded" });
    expect(await followupsOf("乙")).toHaveLength(1);
    expect((await runs(automation.id))[0]).toMatchObject({ status: "succeeded", retryOf: failed!.id });
    const again = await t.admin.request(
      "POST",
      `/api/apps/${appId}/automations/${automation.id}/runs/${(await runs(automation.id))[0]!.id}/retry`,
    );
    expect(errorOf(again)).toMatchObject({ status: 409, code: "CONFLICT" });
    await disable(automation.id);
  });

  it("fires on update only when a chosen field changes and the condition holds; updates and deletes matching records in SQL", async () => {
    const automation = await save({
      form: "customers",
      trigger: { type: "recordUpdated", fields: ["level"] },
      condition: { "==": [{ var: "level" }, "b"] },
      actions: [
        {
          type: "updateRecords",
          form: "followups",
          condition: { "==": [{ var: "customer" }, { var: "$trigger.name" }] },
          fields: { score: "99" },
        },
        {
          type: "deleteRecords",
          form: "followups",
          condition: {
            and: [{ "==": [{ var: "customer" }, { var: "$trigger.name" }] }, { "<": [{ var: "score" }, 0] }],
          },
        },
      ],
    });
    const customer = await create(customers, { name: "丙", level: "a" });
    await create(followups, { customer: "丙", note: "one", score: 1 });
    await create(followups, { customer: "丙", note: "two", score: 2 });
    await create(followups, { customer: "别人", note: "three", score: 3 });
    const patch = (data: Record<string, unknown>, version: number) =>
      t.admin.request(
        "PATCH",
        `/api/forms/${customers}/records/${customer.id}`,
        { data },
        { "if-match": `"${version}"` },
      );
    expect((await patch({ phone: "123" }, 1)).statusCode).toBe(200); // level unchanged: no run
    expect(await runs(automation.id)).toHaveLength(0);
    expect((await patch({ level: "b" }, 2)).statusCode).toBe(200);
    expect((await followupsOf("丙")).map((r) => r.data.score)).toEqual([99, 99]);
    expect((await followupsOf("别人")).map((r) => r.data.score)).toEqual([3]);
    expect((await runs(automation.id))[0]).toMatchObject({
      status: "succeeded",
      outcomes: [
        { type: "updateRecords", detail: { updated: 2 } },
        { type: "deleteRecords", detail: { deleted: 0 } },
      ],
    });
    await disable(automation.id);
  });

  it("notifies the users of a member field with an automation notification", async () => {
    const member = await t.newUser(`owner-${database.name}@example.com`);
    const automation = await save({
      form: "customers",
      trigger: { type: "recordCreated" },
      actions: [{ type: "notify", userFields: ["owner"], title: 'CONCATENATE("新客户：", name)' }],
    });
    await create(customers, { name: "丁", owner: member.id });
    const list = await member.request("GET", "/api/notifications");
    expect(list.json().items).toMatchObject([{ kind: "automation", title: "新客户：丁" }]);
    expect(list.json().items[0].link).toContain("?record=");
    await disable(automation.id);
  });

  it("calls a webhook through the outbox, in the run's transaction (rolled back with a failed run)", async () => {
    const automation = await save({
      form: "customers",
      trigger: { type: "recordCreated" },
      actions: [
        { type: "webhook", url: "https://hooks.example.com/crm" },
        { type: "createRecord", form: "followups", fields: { note: 'IF(level = "b", "固定内容", name)' } },
      ],
    });
    const outbox = () =>
      t.db
        .selectFrom("outbox")
        .select(["target", "payload"])
        .where("target", "=", "https://hooks.example.com/crm")
        .execute();
    const customer = await create(customers, { name: "辛" });
    const sent = await outbox();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({
      automation: expect.any(String),
      record: { id: customer.id },
    });
    // 固定内容 is taken (the second test's follow-up): the create fails, the webhook row goes with it.
    await create(customers, { name: "壬", level: "b" });
    expect(await outbox()).toHaveLength(1);
    expect((await runs(automation.id))[0]).toMatchObject({
      status: "failed",
      outcomes: [
        { type: "webhook", status: "rolledBack" },
        { type: "createRecord", status: "failed" },
      ],
    });
    await disable(automation.id);
  });

  it("stops a chain of automations at depth 5 with a failed run, keeping the user's write", async () => {
    const automation = await save({
      form: "followups",
      trigger: { type: "recordCreated" },
      condition: { "==": [{ var: "customer" }, "loop"] },
      actions: [{ type: "createRecord", form: "followups", fields: { customer: '"loop"' } }],
    });
    await create(followups, { customer: "loop" });
    expect(await followupsOf("loop")).toHaveLength(6);
    const log = await runs(automation.id);
    expect(log.map((r) => [r.status, r.depth]).sort()).toEqual([
      ["failed", 5],
      ["succeeded", 0],
      ["succeeded", 1],
      ["succeeded", 2],
      ["succeeded", 3],
      ["succeeded", 4],
    ]);
    expect(log.find((r) => r.status === "failed")!.error).toContain("limit 5");
    await disable(automation.id);
  });

  it("assigns the least loaded member and lets formulas read the trigger record's id as trigger.id", async () => {
    const first = await t.newUser(`assign-a-${database.name}@example.com`);
    const second = await t.newUser(`assign-b-${database.name}@example.com`);
    const automation = await save({
      form: "customers",
      trigger: { type: "recordCreated" },
      condition: { and: [{ "==": [{ var: "owner" }, null] }, { "==": [{ var: "level" }, "b"] }] },
      actions: [
        {
          type: "assign",
          field: "owner",
          users: [first.id, second.id],
          condition: { "==": [{ var: "level" }, "b"] },
        },
        { type: "createRecord", form: "followups", fields: { customer: "trigger.id" } },
      ],
    });
    // first already holds one "b" customer (and an "a" one, which the load condition leaves out).
    await create(customers, { name: "分配甲", level: "b", owner: first.id });
    await create(customers, { name: "分配乙", level: "a", owner: first.id });
    const a = await create(customers, { name: "分配一", level: "b" });
    const b = await create(customers, { name: "分配二", level: "b" });
    const c = await create(customers, { name: "分配三", level: "b" });
    const ownerOf = async (id: string) =>
      (await t.admin.request("GET", `/api/forms/${customers}/records/${id}`)).json().data.owner;
    expect([await ownerOf(a.id), await ownerOf(b.id), await ownerOf(c.id)]).toEqual([
      second.id,
      first.id,
      second.id,
    ]);
    expect(await followupsOf(a.id)).toHaveLength(1);
    expect((await runs(automation.id)).map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    await disable(automation.id);
  });

  it("runs a schedule once however many pollers poll at the same time, then schedules the next day", async () => {
    const automation = await save({
      form: "customers",
      trigger: { type: "schedule", frequency: "daily", time: "09:00" },
      actions: [{ type: "createRecord", form: "followups", fields: { customer: '"scheduled"' } }],
    });
    expect(automation.nextRunAt).not.toBeNull();
    await sql`UPDATE automations SET next_run_at = now() - interval '1 minute' WHERE id = ${automation.id}`.execute(
      t.db,
    );
    const poller = t.app.automations.poller;
    const ran = await Promise.all([poller.tick(), poller.tick(), poller.tick()]);
    expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await followupsOf("scheduled")).toHaveLength(1);
    expect(await poller.tick()).toBe(0);
    const next = (await t.admin.request("GET", `/api/apps/${appId}/automations/${automation.id}`)).json()
      .nextRunAt;
    expect(Date.parse(next)).toBeGreaterThan(Date.now());
    await disable(automation.id);
  });

  it("fires a date trigger once per record per date value (3 days before 下次跟进时间)", async () => {
    const inDays = (days: number) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
        new Date(Date.now() + days * 86_400_000),
      );
    const automation = await save({
      form: "customers",
      trigger: { type: "dateField", field: "next_follow", offsetDays: -3, time: "00:00" },
      condition: { "!=": [{ var: "level" }, "b"] },
      actions: [
        { type: "createRecord", form: "followups", fields: { customer: 'CONCATENATE("提醒 ", name)' } },
      ],
    });
    await create(customers, { name: "戊", next_follow: inDays(3) });
    await create(customers, { name: "己", next_follow: inDays(4) });
    await create(customers, { name: "庚", next_follow: inDays(3), level: "b" });
    const due = () =>
      sql`UPDATE automations SET next_run_at = now() - interval '1 second' WHERE id = ${automation.id}`.execute(
        t.db,
      );
    await due();
    expect(await t.app.automations.poller.tick()).toBe(1);
    await due();
    await t.app.automations.poller.tick();
    expect(await followupsOf("提醒 戊")).toHaveLength(1);
    expect(await followupsOf("提醒 己")).toEqual([]);
    expect(await followupsOf("提醒 庚")).toEqual([]);
    expect(await runs(automation.id)).toHaveLength(1);
    await disable(automation.id);
  });

  it("runs on a flow approved", async () => {
    const manager = await t.newUser(`manager-${database.name}@example.com`);
    const formId = await flowForm(t, oneApproval(manager.id));
    const flowApp = (await t.admin.request("GET", `/api/forms/${formId}`)).json().appId as string;
    const response = await t.admin.request("POST", `/api/apps/${flowApp}/automations`, {
      definition: {
        id: "approved",
        name: "审批通过",
        form: (await t.admin.request("GET", `/api/forms/${formId}`)).json().key,
        trigger: { type: "flowApproved" },
        actions: [{ type: "notify", users: [manager.id], title: 'CONCATENATE("通过：", title)' }],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const record = await submit(t.admin, formId, { title: "报价A" });
    expect((await act(manager, await taskFor(manager, record.id), { action: "approve" })).statusCode).toBe(
      200,
    );
    const items = (await manager.request("GET", "/api/notifications")).json().items as {
      kind: string;
      title: string;
    }[];
    expect(items.filter((i) => i.kind === "automation").map((i) => i.title)).toEqual(["通过：报价A"]);
  });

  it("a record it creates in a form with a published flow starts the flow, its initiator the trigger's actor", async () => {
    const manager = await t.newUser(`approver-${database.name}@example.com`);
    const requester = await t.newUser(`requester-${database.name}@example.com`);
    const quotes = await flowForm(t, oneApproval(manager.id));
    const quotesForm = (await t.admin.request("GET", `/api/forms/${quotes}`)).json();
    const requests = await t.admin.request("POST", `/api/apps/${quotesForm.appId}/forms`, {
      key: "requests",
      name: "申请",
      fields: [{ id: "subject", type: "text", label: "事项" }],
    });
    expect(requests.statusCode, requests.body).toBe(201);
    await t.admin.request("POST", `/api/forms/${requests.json().id}/publish`);
    await grantEveryone(t, requests.json().id, "submit");
    const saved = await t.admin.request("POST", `/api/apps/${quotesForm.appId}/automations`, {
      definition: {
        id: "to_quote",
        name: "申请转报价",
        form: "requests",
        trigger: { type: "recordCreated" },
        actions: [
          { type: "createRecord", form: quotesForm.key, fields: { title: "subject", amount: "100" } },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const request = await requester.request("POST", `/api/forms/${requests.json().id}/records`, {
      data: { subject: "新报价" },
    });
    expect(request.statusCode, request.body).toBe(201);
    const quote = (await t.admin.request("GET", `/api/forms/${quotes}/records?limit=10`)).json().records as {
      id: string;
      flowStatus: string | null;
      data: Record<string, unknown>;
    }[];
    expect(quote).toMatchObject([{ flowStatus: "running", data: { title: "新报价", amount: 100 } }]);
    const instance = await t.db
      .selectFrom("flow_instances")
      .select(["initiator", "status"])
      .where("record_id", "=", quote[0]!.id)
      .executeTakeFirstOrThrow();
    expect(instance).toEqual({ initiator: requester.id, status: "running" });
    // The approver has the task, in the same transaction as the user's write.
    expect(await taskFor(manager, quote[0]!.id)).toBeTruthy();
  });

  it("a record it deletes from a running flow ends the flow, the handler's task cancelled", async () => {
    const manager = await t.newUser(`closer-${database.name}@example.com`);
    const quotes = await flowForm(t, oneApproval(manager.id));
    const quotesForm = (await t.admin.request("GET", `/api/forms/${quotes}`)).json();
    const cancels = await t.admin.request("POST", `/api/apps/${quotesForm.appId}/forms`, {
      key: "cancels",
      name: "撤单",
      fields: [{ id: "subject", type: "text", label: "事项" }],
    });
    expect(cancels.statusCode, cancels.body).toBe(201);
    await t.admin.request("POST", `/api/forms/${cancels.json().id}/publish`);
    const saved = await t.admin.request("POST", `/api/apps/${quotesForm.appId}/automations`, {
      definition: {
        id: "cancel_quote",
        name: "撤销报价",
        form: "cancels",
        trigger: { type: "recordCreated" },
        actions: [
          {
            type: "deleteRecords",
            form: quotesForm.key,
            condition: { "==": [{ var: "title" }, { var: "$trigger.subject" }] },
          },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const quote = await submit(t.admin, quotes, { title: "作废报价" });
    const taskId = await taskFor(manager, quote.id);
    const cancel = await t.admin.request("POST", `/api/forms/${cancels.json().id}/records`, {
      data: { subject: "作废报价" },
    });
    expect(cancel.statusCode, cancel.body).toBe(201);
    const instance = await t.db
      .selectFrom("flow_instances")
      .select(["id", "status"])
      .where("record_id", "=", quote.id)
      .executeTakeFirstOrThrow();
    expect(instance.status).toBe("ended");
    const task = await t.db
      .selectFrom("flow_tasks")
      .select("status")
      .where("id", "=", taskId)
      .executeTakeFirstOrThrow();
    expect(task.status).toBe("cancelled");
  });

  it("refuses invalid definitions with codes and pointers, and non-admins with 403", async () => {
    const bad = await t.admin.request("POST", `/api/apps/${appId}/automations`, {
      definition: {
        id: "bad",
        name: "Bad",
        form: "customers",
        trigger: { type: "recordUpdated", fields: ["nope"] },
        actions: [{ type: "createRecord", form: "ghosts", fields: { x: "name +" } }],
      },
    });
    expect(bad.statusCode).toBe(422);
    const details = bad.json().error.details as { code: string; path: string }[];
    expect(details.map((d) => [d.code, d.path])).toEqual([
      ["UNKNOWN_FIELD", "/definition/trigger/fields/0"],
      ["UNKNOWN_FORM", "/definition/actions/0/form"],
      ["FORMULA_INVALID", "/definition/actions/0/fields/x"],
    ]);
    const member = await t.newUser(`member-${database.name}@example.com`);
    for (const [method, url] of [
      ["GET", `/api/apps/${appId}/automations`],
      ["POST", `/api/apps/${appId}/automations`],
    ] as const) {
      const refused = await member.request(method, url, method === "POST" ? { definition: {} } : undefined);
      expect(errorOf(refused)).toMatchObject({ status: 403, code: "FORBIDDEN" });
    }
    const duplicate = await t.admin.request("POST", `/api/apps/${appId}/automations`, {
      definition: {
        id: "auto_1",
        name: "x",
        form: "customers",
        trigger: { type: "recordDeleted" },
        actions: [{ type: "notify", title: '"x"' }],
      },
    });
    expect(errorOf(duplicate)).toMatchObject({ status: 409, code: "UNIQUE_VIOLATION", path: "/id" });
  });
});
