// Bulk edit (PATCH /api/forms/:form/records): one transaction through the one write path — formulas
// recomputed, revisions, per-record refusals set aside (savepoints) while the rest is written, the
// caller's edit scope and editable fields, a filter within the scope with a limit, and automations fired
// with source "bulk" only when they are set to fire on imports and bulk edits. On PGlite and PostgreSQL.
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet, makeOrg, type Org } from "./permissions-fixtures";

const TASKS: FormDefinition = {
  key: "tasks",
  name: "任务",
  fields: [
    { id: "title", type: "text", label: "标题", required: true },
    { id: "status", type: "select", label: "状态", options: [{ value: "open" }, { value: "done" }] },
    { id: "hours", type: "number", label: "工时" },
    { id: "cost", type: "number", label: "成本", formula: "hours * 100" },
    { id: "code", type: "text", label: "编号", unique: true },
  ],
};
const LOG: FormDefinition = {
  key: "log",
  name: "日志",
  fields: [{ id: "entry", type: "text", label: "内容" }],
};

interface Result {
  updated: { id: string; version: number }[];
  failed: { id: string; status: number; error: { code: string; details?: { path: string }[] } }[];
}

describe.each(testDatabases())("bulk edit ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let appId: string;
  let forms = 0;

  beforeAll(async () => {
    t = await startTestApp(database, {
      workflowTimers: { enabled: false },
      automations: { enabled: false },
      outbox: { enabled: false },
    });
    org = await makeOrg(t, "bulk");
    appId = (await t.admin.request("POST", "/api/apps", { name: "Bulk" })).json().id;
  });
  afterAll(async () => t?.close());

  const newForm = async (definition: FormDefinition) => {
    forms += 1;
    const form = await t.admin.request("POST", `/api/apps/${appId}/forms`, {
      ...definition,
      key: `${definition.key}${forms}`,
    });
    expect(form.statusCode, form.body).toBe(201);
    const published = await t.admin.request("POST", `/api/forms/${form.json().id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    return { id: form.json().id as string, key: `${definition.key}${forms}` };
  };
  const seed = async (formId: string, rows: Record<string, unknown>[]) => {
    const response = await t.admin.request(
      "POST",
      `/api/forms/${formId}/records`,
      rows.map((data) => ({ data })),
    );
    expect(response.statusCode, response.body).toBe(201);
    return (response.json().records as { id: string }[]).map((r) => r.id);
  };
  const get = async (formId: string, id: string) =>
    (await t.admin.request("GET", `/api/forms/${formId}/records/${id}`)).json<{
      version: number;
      data: Record<string, unknown>;
    }>();
  const bulk = (formId: string, body: unknown, as = t.admin) =>
    as.request("PATCH", `/api/forms/${formId}/records`, body);

  it("sets a field on the listed records in one request: formulas recomputed, a revision each", async () => {
    const tasks = await newForm(TASKS);
    const ids = await seed(tasks.id, [
      { title: "a", hours: 1 },
      { title: "b", hours: 2 },
      { title: "c", hours: 3 },
    ]);
    const response = await bulk(tasks.id, { ids: ids.slice(0, 2), data: { hours: 5, status: "done" } });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<Result>();
    expect(result.failed).toEqual([]);
    expect(result.updated).toEqual(ids.slice(0, 2).map((id) => ({ id, version: 2 })));
    expect((await get(tasks.id, ids[0]!)).data).toMatchObject({ hours: 5, status: "done", cost: 500 });
    expect((await get(tasks.id, ids[2]!)).data).toMatchObject({ hours: 3, cost: 300 });
    const history = await t.admin.request("GET", `/api/forms/${tasks.id}/records/${ids[1]}/history`);
    const revisions = history.json().revisions as { version: number; diff: Record<string, unknown> }[];
    expect(revisions.find((r) => r.version === 2)?.diff).toHaveProperty("hours");
  });

  it("sets a refused record aside and writes the rest (a unique value can go to one record only)", async () => {
    const tasks = await newForm(TASKS);
    const ids = await seed(tasks.id, [{ title: "a" }, { title: "b" }, { title: "c" }]);
    const response = await bulk(tasks.id, { ids, data: { code: "X-1" } });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<Result>();
    expect(result.updated).toEqual([{ id: ids[0], version: 2 }]);
    expect(result.failed.map((f) => [f.id, f.status, f.error.code])).toEqual([
      [ids[1], 409, "UNIQUE_VIOLATION"],
      [ids[2], 409, "UNIQUE_VIOLATION"],
    ]);
    expect((await get(tasks.id, ids[1]!)).version).toBe(1);
    // A missing (or deleted) record is reported, not fatal.
    await t.admin.request("DELETE", `/api/forms/${tasks.id}/records/${ids[2]}`);
    const again = (await bulk(tasks.id, { ids: [ids[1], ids[2]], data: { status: "done" } })).json<Result>();
    expect(again.updated.map((u) => u.id)).toEqual([ids[1]]);
    expect(again.failed.map((f) => f.error.code)).toEqual(["NOT_FOUND"]);
  });

  it("stays within the editor's row scope and editable fields; a filter only reaches records they may edit", async () => {
    const tasks = await newForm(TASKS);
    const [open1, open2, done1] = await seed(tasks.id, [
      { title: "o1", status: "open", hours: 1 },
      { title: "o2", status: "open", hours: 1 },
      { title: "d1", status: "done", hours: 1 },
    ]);
    await addSet(t, tasks.id, {
      name: "Open editors",
      kind: "custom",
      actions: ["view", "edit"],
      fields: { code: "view" },
      rowCondition: { "==": [{ var: "status" }, "open"] },
      members: [{ type: "user", id: org.alice.id }],
    });
    // The out-of-scope record is "not found" for them; the others are written.
    const listed = (
      await bulk(tasks.id, { ids: [open1, done1], data: { hours: 8 } }, org.alice)
    ).json<Result>();
    expect(listed.updated.map((u) => u.id)).toEqual([open1]);
    expect(listed.failed.map((f) => [f.id, f.error.code])).toEqual([[done1, "NOT_FOUND"]]);
    expect((await get(tasks.id, done1!)).data.hours).toBe(1);
    // A read-only field is refused for the whole request, before anything is written.
    expect(errorOf(await bulk(tasks.id, { ids: [open1], data: { code: "Z" } }, org.alice))).toMatchObject({
      status: 403,
      code: "READ_ONLY_FIELD",
      path: "/data/code",
    });
    // A filter matching everything reaches only the open records.
    const filteredResponse = await bulk(
      tasks.id,
      { filter: { ">": [{ var: "hours" }, 0] }, data: { hours: 9 } },
      org.alice,
    );
    expect(filteredResponse.statusCode, filteredResponse.body).toBe(200);
    const filtered = filteredResponse.json<Result>();
    expect(filtered.updated.map((u) => u.id).sort()).toEqual([open1, open2].sort());
    expect((await get(tasks.id, done1!)).data.hours).toBe(1);
    // An edit that would move a record out of their scope is refused for that record.
    const moved = (
      await bulk(tasks.id, { ids: [open2], data: { status: "done" } }, org.alice)
    ).json<Result>();
    expect(moved.failed.map((f) => f.error.code)).toEqual(["FORBIDDEN"]);
    expect((await get(tasks.id, open2!)).data.status).toBe("open");
    // Without the edit action at all: 403.
    expect(errorOf(await bulk(tasks.id, { ids: [open1], data: { hours: 1 } }, org.bob))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
  });

  it("refuses bad requests with codes and pointers, and filters matching more than 1,000 records", async () => {
    const tasks = await newForm(TASKS);
    const [id] = await seed(tasks.id, [{ title: "a" }]);
    const invalid = { status: 422, code: "VALIDATION_FAILED" };
    expect(errorOf(await bulk(tasks.id, { data: { hours: 1 } }))).toMatchObject(invalid);
    expect(errorOf(await bulk(tasks.id, { ids: [id], filter: {}, data: { hours: 1 } }))).toMatchObject(
      invalid,
    );
    expect(errorOf(await bulk(tasks.id, { ids: [id], data: {} }))).toMatchObject(invalid);
    expect(errorOf(await bulk(tasks.id, { ids: ["nope"], data: { hours: 1 } }))).toMatchObject({
      ...invalid,
      path: "/ids/0",
    });
    expect(errorOf(await bulk(tasks.id, { ids: [id], data: { nope: 1 } }))).toMatchObject({
      status: 422,
      code: "UNKNOWN_FIELD",
      path: "/data/nope",
    });
    expect(
      errorOf(await bulk(tasks.id, { filter: { "==": [{ var: "nope" }, 1] }, data: { hours: 1 } })),
    ).toMatchObject({ status: 400, code: "INVALID_FILTER" });
    const tooMany = Array.from({ length: 1001 }, () => ({ id: crypto.randomUUID() }));
    expect(
      errorOf(await bulk(tasks.id, { ids: tooMany.map((r) => r.id), data: { hours: 1 } })),
    ).toMatchObject({ ...invalid, path: "/ids" });
    await seed(
      tasks.id,
      Array.from({ length: 1000 }, (_, i) => ({ title: `t${i}` })),
    );
    expect(
      errorOf(await bulk(tasks.id, { filter: { "!=": [{ var: "title" }, ""] }, data: { hours: 2 } })),
    ).toMatchObject({ status: 422, code: "TOO_MANY_RECORDS", path: "/filter" });
    expect((await get(tasks.id, id!)).version).toBe(1);
  });

  it("fires update automations set to fire on bulk edits, and not those that are not", async () => {
    const tasks = await newForm(TASKS);
    const log = await newForm(LOG);
    const save = async (id: string, fireOnImportsAndBulk: boolean) => {
      const response = await t.admin.request("POST", `/api/apps/${appId}/automations`, {
        definition: {
          id,
          name: id,
          form: tasks.key,
          trigger: { type: "recordUpdated", fields: ["status"] },
          fireOnImportsAndBulk,
          actions: [
            { type: "createRecord", form: log.key, fields: { entry: `CONCATENATE("${id} ", title)` } },
          ],
        },
        enabled: true,
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await save("on_bulk", true);
    await save("not_bulk", false);
    const ids = await seed(tasks.id, [{ title: "a" }, { title: "b" }]);
    const result = (await bulk(tasks.id, { ids, data: { status: "done" } })).json<Result>();
    expect(result.updated).toHaveLength(2);
    const entries = await t.admin.request("GET", `/api/forms/${log.id}/records?limit=10`);
    expect(
      entries
        .json()
        .records.map((r: { data: { entry: string } }) => r.data.entry)
        .sort(),
    ).toEqual(["on_bulk a", "on_bulk b"]);
    // A single edit fires both.
    await t.admin.request(
      "PATCH",
      `/api/forms/${tasks.id}/records/${ids[0]}`,
      { data: { status: "open" } },
      {
        "if-match": "2",
      },
    );
    const after = await t.admin.request("GET", `/api/forms/${log.id}/records?limit=10`);
    expect(after.json().records).toHaveLength(4);
  });
});
