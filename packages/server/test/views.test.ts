// Saved views end to end: personal and shared views and who may see or change them, bad input with
// stable codes and pointers (nothing written), and the indexes a view's filter and sort ask for — built
// after the view commits, so the grid's count over those fields becomes exact.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { openForm, QUOTES } from "./fixtures";
import { type Caller, errorOf, startTestApp, type TestApp } from "./harness";

// title = 'Bulk' AND (qty > 5 OR discount < 0.1): an any-of group inside an all-of one.
const ANY_OF = {
  and: [
    { "==": [{ var: "title" }, "Bulk"] },
    { or: [{ ">": [{ var: "qty" }, 5] }, { "<": [{ var: "discount" }, 0.1] }] },
  ],
};

describe.each(testDatabases())("saved views ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  let url: string;
  let user: Caller & { id: string };
  let other: Caller & { id: string };
  beforeAll(async () => {
    t = await startTestApp(database);
    formId = await openForm(t);
    url = `/api/forms/${formId}/views`;
    user = await t.newUser("viewer@example.com");
    other = await t.newUser("other@example.com");
  });
  afterAll(async () => t?.close());

  const viewCount = async () =>
    Number((await t.db.selectFrom("views").select(sql<number>`count(*)`.as("n")).executeTakeFirst())?.n);

  it("saves a shared view with an any-of group, reads it back whole, and builds the indexes it needs", async () => {
    const created = await t.admin.request("POST", url, {
      name: "  Bulk orders ",
      shared: true,
      filter: ANY_OF,
      sort: [{ field: "qty", direction: "desc" }, { field: "$createdAt" }],
      columns: [
        { id: "title", visible: true, width: 240 },
        { id: "qty", visible: true },
        { id: "code", visible: false },
        { id: "$createdAt", visible: true, width: 160 },
      ],
      pageSize: 100,
    });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({
      name: "Bulk orders",
      shared: true,
      filter: ANY_OF,
      sort: [
        { field: "qty", direction: "desc" },
        { field: "$createdAt", direction: "asc" },
      ],
      columns: [
        { id: "title", visible: true, width: 240 },
        { id: "qty", visible: true },
        { id: "code", visible: false },
        { id: "$createdAt", visible: true, width: 160 },
      ],
      pageSize: 100,
      version: 1,
      canEdit: true,
    });
    // title = … leads with the first sort key; each field of the OR group gets its own index.
    expect(view.indexes.map((i: { columns: string[] }) => i.columns)).toEqual([
      ["title", "qty"],
      ["discount"],
      ["qty"],
    ]);

    await t.app.viewIndexBuilds.idle();
    const read = (await t.admin.request("GET", `/api/views/${view.id}`)).json();
    expect(read.indexes.map((i: { status: string }) => i.status)).toEqual(["ready", "ready", "ready"]);
    const { rows } = await sql<{ indexdef: string }>`
      SELECT indexdef FROM pg_indexes WHERE indexname IN (${sql.join(read.indexes.map((i: { name: string }) => i.name))})`.execute(
      t.db,
    );
    expect(rows.map((r) => r.indexdef.replace(/^.*? USING btree /, "")).sort()).toEqual([
      "(f_discount) WHERE (deleted_at IS NULL)",
      "(f_qty) WHERE (deleted_at IS NULL)",
      "(f_title, f_qty) WHERE (deleted_at IS NULL)",
    ]);
  });

  it("counts exactly over more than 1,000 matches once the view's indexes exist", async () => {
    const form = await t.db
      .selectFrom("forms")
      .select("table_name")
      .where("id", "=", formId)
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO ${sql.table(form.table_name as string)} (id, f_title, f_qty, f_discount)
      SELECT gen_random_uuid(), 'Bulk', 1 + g % 9, 0.05 FROM generate_series(1, 1200) AS g`.execute(t.db);
    const filter = encodeURIComponent(JSON.stringify(ANY_OF));
    const page = await t.admin.request(
      "GET",
      `/api/forms/${formId}/records?filter=${filter}&sort=-qty&limit=5`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.json().count).toEqual({ value: 1200, exact: true });
    // A filter on a field no index serves still stops counting at 1,000.
    const unindexed = encodeURIComponent(JSON.stringify({ empty: [{ var: "total" }] }));
    const capped = await t.admin.request("GET", `/api/forms/${formId}/records?filter=${unindexed}&limit=1`);
    expect(capped.json().count).toEqual({ value: 1000, exact: false });
  });

  it("keeps personal views to their owner; shared views are seen by all and changed by designers", async () => {
    const mine = await user.request("POST", url, { name: "Mine", filter: { "==": [{ var: "title" }, "x"] } });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ shared: false, ownerId: user.id, canEdit: true, pageSize: 50 });
    const id = mine.json().id;

    const listed = (await user.request("GET", url)).json();
    expect(listed.canShare).toBe(false);
    expect(listed.views.map((v: { name: string }) => v.name)).toEqual(["Bulk orders", "Mine"]);
    expect(listed.views[0].canEdit).toBe(false);
    const theirs = (await other.request("GET", url)).json();
    expect(theirs.views.map((v: { name: string }) => v.name)).toEqual(["Bulk orders"]);

    for (const response of [
      await other.request("GET", `/api/views/${id}`),
      await other.request("PATCH", `/api/views/${id}`, { name: "Stolen" }),
      await other.request("DELETE", `/api/views/${id}`),
      await t.admin.request("GET", `/api/views/${id}`),
    ]) {
      expect(errorOf(response)).toMatchObject({ status: 404, code: "NOT_FOUND" });
    }
    const shared = listed.views[0].id;
    expect(errorOf(await user.request("PATCH", `/api/views/${shared}`, { name: "Mine now" }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    expect(errorOf(await user.request("DELETE", `/api/views/${shared}`))).toMatchObject({ status: 403 });
    expect(errorOf(await user.request("POST", url, { name: "Team", shared: true }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      path: "/shared",
    });
    expect(errorOf(await user.request("PATCH", `/api/views/${id}`, { shared: true }))).toMatchObject({
      status: 403,
      path: "/shared",
    });
    // The same name may be used by another person's personal view, but not twice among what one sees.
    expect((await other.request("POST", url, { name: "Mine" })).statusCode).toBe(201);
    expect(errorOf(await user.request("POST", url, { name: "mine" }))).toMatchObject({
      status: 409,
      code: "CONFLICT",
      path: "/name",
    });
  });

  it("patches (rename, columns, page size) with optimistic versions, un-shares and deletes", async () => {
    const created = (await t.admin.request("POST", url, { name: "Draft", shared: true })).json();
    const renamed = await t.admin.request(
      "PATCH",
      `/api/views/${created.id}`,
      { name: "Renamed", columns: [{ id: "price", visible: true, width: 90 }], pageSize: 200 },
      { "if-match": '"1"' },
    );
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: "Renamed",
      columns: [{ id: "price", visible: true, width: 90 }],
      pageSize: 200,
      version: 2,
      filter: null,
    });
    const stale = await t.admin.request(
      "PATCH",
      `/api/views/${created.id}`,
      { name: "Late" },
      { "if-match": "1" },
    );
    expect(errorOf(stale)).toMatchObject({ status: 412, code: "VERSION_CONFLICT" });

    const personal = await t.admin.request("PATCH", `/api/views/${created.id}`, { shared: false });
    expect(personal.json()).toMatchObject({ shared: false, version: 3 });
    expect(errorOf(await user.request("GET", `/api/views/${created.id}`))).toMatchObject({ status: 404 });

    expect((await t.admin.request("DELETE", `/api/views/${created.id}`)).statusCode).toBe(204);
    expect(errorOf(await t.admin.request("GET", `/api/views/${created.id}`))).toMatchObject({ status: 404 });
  });

  it("drops a view's index when the last view that needed it is deleted", async () => {
    const created = await user.request("POST", url, {
      name: "Recent",
      sort: [{ field: "$updatedAt", direction: "desc" }],
    });
    expect(created.json().indexes.map((i: { columns: string[] }) => i.columns)).toEqual([["$updatedAt"]]);
    await t.app.viewIndexBuilds.idle();
    const name = created.json().indexes[0].name;
    const exists = async () =>
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = ${name}`.execute(
          t.db,
        )
      ).rows[0]?.n === 1;
    expect(await exists()).toBe(true);
    expect((await user.request("DELETE", `/api/views/${created.json().id}`)).statusCode).toBe(204);
    await t.app.viewIndexBuilds.idle();
    expect(await exists()).toBe(false);
  });

  it("refuses bad input with stable codes and pointers, writing nothing", async () => {
    const before = await viewCount();
    const cases: [unknown, { status: number; code: string; path?: string }][] = [
      [
        { name: "x", filter: { "==": [{ var: "colour" }, "red"] } },
        { status: 400, code: "INVALID_FILTER", path: "/filter/==/0" },
      ],
      [
        { name: "x", filter: { regex: [{ var: "title" }, ".*"] } },
        { status: 400, code: "INVALID_FILTER" },
      ],
      [
        { name: "x", filter: { "==": [{ var: "title; DROP TABLE views" }, 1] } },
        { status: 400, code: "INVALID_FILTER" },
      ],
      [
        { name: "x", sort: [{ field: "ghost" }] },
        { status: 400, code: "INVALID_SORT", path: "/sort/0" },
      ],
      [
        { name: "x", sort: [{ field: "tags" }] },
        { status: 400, code: "INVALID_SORT", path: "/sort/0" },
      ],
      [
        { name: "x", sort: [{ field: "qty", direction: "up" }] },
        { status: 422, code: "VALIDATION_FAILED", path: "/sort/0/direction" },
      ],
      [
        { name: "x", columns: [{ id: "ghost", visible: true }] },
        { status: 422, code: "UNKNOWN_FIELD", path: "/columns/0/id" },
      ],
      [
        {
          name: "x",
          columns: [
            { id: "qty", visible: true },
            { id: "qty", visible: false },
          ],
        },
        { status: 422, code: "VALIDATION_FAILED", path: "/columns/1/id" },
      ],
      [
        { name: "x", columns: [{ id: "qty", visible: true, width: 5 }] },
        { status: 422, code: "VALIDATION_FAILED", path: "/columns/0/width" },
      ],
      [{ name: "   " }, { status: 422, code: "VALIDATION_FAILED", path: "/name" }],
      [{ name: "x".repeat(101) }, { status: 422, code: "VALIDATION_FAILED", path: "/name" }],
      [
        { name: "x", pageSize: 0 },
        { status: 422, code: "VALIDATION_FAILED", path: "/pageSize" },
      ],
      [
        { name: "x", owner: "me" },
        { status: 422, code: "UNKNOWN_FIELD", path: "/owner" },
      ],
      [{}, { status: 422, code: "VALIDATION_FAILED" }],
    ];
    for (const [body, expected] of cases) {
      expect(errorOf(await t.admin.request("POST", url, body)), JSON.stringify(body)).toMatchObject(expected);
    }
    const poisoned = await t.admin.request("POST", url, '{"name":"x","__proto__":{"shared":true}}', {
      "content-type": "application/json",
    });
    expect(poisoned.statusCode).toBeGreaterThanOrEqual(400);
    expect(poisoned.statusCode).toBeLessThan(500);
    expect(({} as Record<string, unknown>).shared).toBeUndefined();
    expect(errorOf(await t.admin.request("GET", "/api/views/not-a-uuid"))).toMatchObject({ status: 400 });
    expect(errorOf(await t.admin.request("GET", `/api/views/${formId}`))).toMatchObject({ status: 404 });
    expect(await viewCount()).toBe(before);
  });

  it("a list right after a publish reads the new version (the last one seen is only a guess)", async () => {
    const filter = encodeURIComponent(JSON.stringify({ "==": [{ var: "region" }, "east"] }));
    const listUrl = `/api/forms/${formId}/records?filter=${filter}&limit=1`;
    expect(errorOf(await t.admin.request("GET", listUrl))).toMatchObject({ code: "INVALID_FILTER" });
    const next = { ...QUOTES, fields: [...QUOTES.fields, { id: "region", type: "text", label: "Region" }] };
    expect((await t.admin.request("PUT", `/api/forms/${formId}`, next)).statusCode).toBe(200);
    expect((await t.admin.request("POST", `/api/forms/${formId}/publish`)).statusCode).toBe(200);
    const page = await t.admin.request("GET", listUrl);
    expect(page.statusCode).toBe(200);
    expect(page.json().count).toEqual({ value: 0, exact: true });
  });

  it("answers for forms that are missing or not yet published", async () => {
    const app = await t.admin.request("POST", "/api/apps", { name: "Drafts" });
    const draft = await t.admin.request("POST", `/api/apps/${app.json().id}/forms`, {
      ...QUOTES,
      key: "drafted",
    });
    expect(
      errorOf(await t.admin.request("POST", `/api/forms/${draft.json().id}/views`, { name: "x" })),
    ).toMatchObject({
      status: 409,
      code: "CONFLICT",
    });
    const missing = "01900000-0000-7000-8000-000000000000";
    expect(errorOf(await t.admin.request("GET", `/api/forms/${missing}/views`))).toMatchObject({
      status: 404,
    });
  });
});
