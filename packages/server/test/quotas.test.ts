// Record quotas (FormDefinition.quotas): at most N records per value of a field that match a condition,
// checked in SQL in every write's transaction — creates, batches, edits that bring a record into the count
// (a claim), and concurrent writes for the last place (one wins). On PGlite and PostgreSQL.
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";

const FORM: FormDefinition = {
  key: "accounts",
  name: "客户",
  fields: [
    { id: "name", type: "text", label: "名称" },
    { id: "owner", type: "member", label: "负责人" },
    { id: "status", type: "text", label: "状态" },
  ],
  quotas: [
    {
      field: "owner",
      max: 2,
      condition: { "!=": [{ var: "status" }, "pool"] },
      message: { "zh-CN": "每人最多 2 个非公海客户", en: "At most 2 customers outside the pool" },
    },
  ],
};

describe.each(testDatabases())("record quotas ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  const owners: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(database, { automations: { enabled: false } });
    const appId = (await t.admin.request("POST", "/api/apps", { name: "配额" })).json().id;
    const form = await t.admin.request("POST", `/api/apps/${appId}/forms`, FORM);
    expect(form.statusCode, form.body).toBe(201);
    formId = form.json().id;
    expect((await t.admin.request("POST", `/api/forms/${formId}/publish`)).statusCode).toBe(200);
    for (const n of [1, 2, 3]) owners.push((await t.newUser(`quota-${n}-${database.name}@example.com`)).id);
  }, 120_000);
  afterAll(async () => t?.close());

  const create = (data: Record<string, unknown> | Record<string, unknown>[]) =>
    t.admin.request(
      "POST",
      `/api/forms/${formId}/records`,
      Array.isArray(data) ? data.map((d) => ({ data: d })) : { data },
    );
  const patch = async (id: string, data: Record<string, unknown>) => {
    const current = (await t.admin.request("GET", `/api/forms/${formId}/records/${id}`)).json();
    return t.admin.request(
      "PATCH",
      `/api/forms/${formId}/records/${id}`,
      { data },
      { "if-match": `"${current.version}"` },
    );
  };
  const quotaError = (response: Awaited<ReturnType<typeof create>>) => ({
    ...errorOf(response),
    detail: response.json().error?.details?.[0]?.code,
  });

  it("refuses the record past the limit with QUOTA_EXCEEDED at the field; the pool does not count", async () => {
    const [a] = owners;
    expect((await create({ name: "一", owner: a, status: "active" })).statusCode).toBe(201);
    expect((await create({ name: "二", owner: a })).statusCode).toBe(201);
    expect(quotaError(await create({ name: "三", owner: a, status: "active" }))).toEqual({
      status: 422,
      code: "VALIDATION_FAILED",
      path: "/data/owner",
      detail: "QUOTA_EXCEEDED",
    });
    const pooled = await create({ name: "公海", owner: a, status: "pool" });
    expect(pooled.statusCode).toBe(201);
    // Claiming it back (out of the pool) is refused; an edit that touches neither the field nor the
    // condition is not checked.
    expect(quotaError(await patch(pooled.json().id, { status: "active" }))).toMatchObject({
      status: 422,
      path: "/data/owner",
      detail: "QUOTA_EXCEEDED",
    });
    expect((await patch(pooled.json().id, { name: "公海（改名）" })).statusCode).toBe(200);
    const list = await t.admin.request("GET", `/api/forms/${formId}/records?limit=50`);
    expect(list.json().records.filter((r: { data: { owner: string } }) => r.data.owner === a)).toHaveLength(
      3,
    );
  });

  it("counts a batch's own records, and refuses the whole batch with the record's pointer", async () => {
    const [, b] = owners;
    const refused = await create([
      { name: "甲", owner: b },
      { name: "乙", owner: b },
      { name: "丙", owner: b },
    ]);
    expect(quotaError(refused)).toMatchObject({
      status: 422,
      path: "/0/data/owner",
      detail: "QUOTA_EXCEEDED",
    });
    expect(
      (
        await create([
          { name: "甲", owner: b },
          { name: "乙", owner: b },
        ])
      ).statusCode,
    ).toBe(201);
  });

  it("lets only one of two concurrent writes take the last place", async () => {
    const [, , c] = owners;
    expect((await create({ name: "已有", owner: c })).statusCode).toBe(201);
    const results = await Promise.all([
      create({ name: "并发一", owner: c }),
      create({ name: "并发二", owner: c }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
  });
});
