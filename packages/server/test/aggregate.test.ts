// POST /api/forms/:form/aggregate end to end: groups by field and date bucket (in the request's zone),
// every measure, sorting and limits, sub-form rows, bad input with codes and pointers, and the caller's
// row and field permissions applied in the query.
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet, makeOrg, type Org } from "./permissions-fixtures";

const ORDERS: FormDefinition = {
  key: "orders",
  name: "Orders",
  fields: [
    { id: "region", type: "select", label: "Region", options: [{ value: "north" }, { value: "south" }] },
    { id: "amount", type: "number", label: "Amount" },
    { id: "note", type: "text", label: "Note" },
    { id: "at", type: "datetime", label: "At" },
    { id: "day", type: "date", label: "Day" },
    { id: "rep", type: "member", label: "Rep" },
    { id: "tags", type: "multiselect", label: "Tags", options: [{ value: "a" }, { value: "b" }] },
    {
      id: "lines",
      type: "subform",
      label: "Lines",
      fields: [
        { id: "sku", type: "text", label: "SKU" },
        { id: "qty", type: "number", label: "Qty" },
      ],
    },
  ],
};

describe.each(testDatabases())("aggregate ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let formId: string;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "agg");
    formId = await publishedForm(t, ORDERS);
    url = `/api/forms/${formId}/aggregate`;
    const rows = [
      // 2026-01-31T17:00Z is already 1 February in Shanghai (UTC+8), still January in UTC.
      {
        region: "north",
        amount: 10,
        at: "2026-01-31T17:00:00Z",
        day: "2026-01-05",
        rep: org.alice.id,
        tags: ["a", "b"],
        lines: [
          { sku: "a", qty: 1 },
          { sku: "b", qty: 2 },
        ],
      },
      {
        region: "north",
        amount: 30,
        at: "2026-01-10T00:00:00Z",
        day: "2026-01-06",
        rep: org.bob.id,
        tags: ["a"],
        lines: [{ sku: "a", qty: 5 }],
      },
      { region: "south", amount: 5, at: "2026-03-01T00:00:00Z", day: "2026-04-01", rep: org.alice.id },
      { region: "south", amount: null, at: null, day: null, rep: null },
    ];
    for (const data of rows) {
      const r = await t.admin.request("POST", `/api/forms/${formId}/records`, { data });
      expect(r.statusCode, r.body).toBe(201);
    }
    const binned = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { region: "north", amount: 1000 },
    });
    await t.admin.request("DELETE", `/api/forms/${formId}/records/${binned.json().id}`);
  });
  afterAll(async () => t?.close());

  const post = (body: unknown, as = t.admin) => as.request("POST", url, body);

  it("groups by a field with every measure; the recycle bin is not counted", async () => {
    const r = await post({
      groupBy: [{ field: "region" }],
      measures: [
        { op: "count" },
        { op: "sum", field: "amount" },
        { op: "avg", field: "amount" },
        { op: "min", field: "amount" },
        { op: "max", field: "day" },
        { op: "distinct", field: "rep" },
        { op: "count", field: "amount" },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      rows: [
        { g0: "north", m0: 2, m1: 40, m2: 20, m3: 10, m4: "2026-01-06", m5: 2, m6: 2 },
        { g0: "south", m0: 2, m1: 5, m2: 5, m3: 5, m4: "2026-04-01", m5: 1, m6: 1 },
      ],
      truncated: false,
    });
  });

  it("cuts date buckets in the request's time zone, and the default zone is the app's", async () => {
    const body = { groupBy: [{ field: "at", bucket: "month" }], measures: [{ op: "count" }] };
    expect((await post(body)).json().rows).toEqual([
      { g0: "2026-01-01", m0: 1 },
      { g0: "2026-02-01", m0: 1 },
      { g0: "2026-03-01", m0: 1 },
      { g0: null, m0: 1 },
    ]);
    expect((await post({ ...body, timeZone: "UTC" })).json().rows).toEqual([
      { g0: "2026-01-01", m0: 2 },
      { g0: "2026-03-01", m0: 1 },
      { g0: null, m0: 1 },
    ]);
    const quarters = await post({
      groupBy: [{ field: "day", bucket: "quarter" }],
      measures: [{ op: "count" }],
    });
    expect(quarters.json().rows).toEqual([
      { g0: "2026-01-01", m0: 2 },
      { g0: "2026-04-01", m0: 1 },
      { g0: null, m0: 1 },
    ]);
    const weeks = await post({ groupBy: [{ field: "day", bucket: "week" }], measures: [{ op: "count" }] });
    // Weeks start on Monday: Monday 5 and Tuesday 6 January 2026 share one.
    expect(weeks.json().rows[0]).toEqual({ g0: "2026-01-05", m0: 2 });
  });

  it("sorts by a measure, limits, filters like the list and totals without groups", async () => {
    const sorted = await post({
      groupBy: [{ field: "region" }],
      measures: [{ op: "sum", field: "amount" }],
      sort: [{ by: "m0", direction: "asc" }],
      limit: 1,
    });
    expect(sorted.json()).toEqual({ rows: [{ g0: "south", m0: 5 }], truncated: true });
    const filtered = await post({
      measures: [{ op: "count" }, { op: "sum", field: "amount" }],
      filter: { ">=": [{ var: "amount" }, 10] },
    });
    expect(filtered.json().rows).toEqual([{ m0: 2, m1: 40 }]);
  });

  it("groups a multi-value field by each of its values; records without one fall under null", async () => {
    const r = await post({
      groupBy: [{ field: "tags" }],
      measures: [{ op: "count" }, { op: "sum", field: "amount" }],
      filter: { "!=": [{ var: "region" }, "east"] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().rows).toEqual([
      { g0: "a", m0: 2, m1: 40 },
      { g0: "b", m0: 1, m1: 10 },
      { g0: null, m0: 2, m1: 5 },
    ]);
  });

  it("aggregates sub-form rows of the records that pass the filter", async () => {
    const r = await post({
      source: { subform: "lines" },
      groupBy: [{ field: "sku" }],
      measures: [{ op: "sum", field: "qty" }, { op: "count" }],
    });
    expect(r.json().rows).toEqual([
      { g0: "a", m0: 6, m1: 2 },
      { g0: "b", m0: 2, m1: 1 },
    ]);
    const filtered = await post({
      source: { subform: "lines" },
      measures: [{ op: "sum", field: "qty" }],
      filter: { "==": [{ var: "amount" }, 30] },
    });
    expect(filtered.json().rows).toEqual([{ m0: 5 }]);
  });

  it("refuses bad input with a code and a pointer", async () => {
    const cases: [unknown, string, string][] = [
      [{ measures: [{ op: "sum", field: "note" }] }, "BAD_REQUEST", "/measures/0/op"],
      [{ measures: [{ op: "sum", field: "nope" }] }, "UNKNOWN_FIELD", "/measures/0/field"],
      [{ measures: [{ op: "sum" }] }, "BAD_REQUEST", "/measures/0/field"],
      [
        { groupBy: [{ field: "region", bucket: "month" }], measures: [{ op: "count" }] },
        "BAD_REQUEST",
        "/groupBy/0/bucket",
      ],
      [{ groupBy: [{ field: "lines" }], measures: [{ op: "count" }] }, "BAD_REQUEST", "/groupBy/0/field"],
      [{ measures: [{ op: "count" }], sort: [{ by: "g3" }] }, "BAD_REQUEST", "/sort/0/by"],
      [{ measures: [{ op: "count" }], source: { subform: "region" } }, "UNKNOWN_FIELD", "/source/subform"],
      [{ measures: [{ op: "count" }], filter: { "==": [{ var: "ghost" }, 1] } }, "INVALID_FILTER", "/filter"],
      [{ measures: [{ op: "count" }], timeZone: "Mars/Olympus" }, "BAD_REQUEST", "/timeZone"],
    ];
    for (const [body, code, path] of cases) {
      const e = errorOf(await post(body));
      expect(e.code, JSON.stringify(body)).toBe(code);
      expect(e.path?.startsWith(path), `${JSON.stringify(body)} → ${e.path}`).toBe(true);
    }
    // Shapes the JSON Schema refuses answer as every route's schema failures do.
    expect(errorOf(await post({ measures: [{ op: "median", field: "amount" }] }))).toMatchObject({
      code: "VALIDATION_FAILED",
      path: "/measures/0/op",
    });
    expect(errorOf(await post({ measures: [{ op: "count" }], limit: 1001 }))).toMatchObject({
      code: "VALIDATION_FAILED",
      path: "/limit",
    });
  });

  it("applies the viewer's row predicate and refuses hidden fields", async () => {
    const own = await publishedForm(t, { ...ORDERS, key: "orders_perm" });
    for (const [rep, amount] of [
      [org.alice.id, 1],
      [org.alice.id, 2],
      [org.bob.id, 40],
    ] as const) {
      await t.admin.request("POST", `/api/forms/${own}/records`, {
        data: { rep, amount, note: "x", region: "north" },
      });
    }
    await addSet(t, own, {
      name: "Mine",
      kind: "custom",
      actions: ["view"],
      rowCondition: { "==": [{ var: "rep" }, { var: "$user" }] },
      fields: { note: "hidden" },
      members: [{ type: "user", id: org.alice.id }],
    });
    const ownUrl = `/api/forms/${own}/aggregate`;
    const sum = await org.alice.request("POST", ownUrl, {
      measures: [{ op: "sum", field: "amount" }, { op: "count" }],
    });
    expect(sum.json().rows).toEqual([{ m0: 3, m1: 2 }]);
    expect(
      errorOf(
        await org.alice.request("POST", ownUrl, {
          groupBy: [{ field: "note" }],
          measures: [{ op: "count" }],
        }),
      ),
    ).toMatchObject({ status: 403, code: "FORBIDDEN_FIELD", path: "/groupBy/0/field" });
    expect(
      errorOf(await org.alice.request("POST", ownUrl, { measures: [{ op: "distinct", field: "note" }] })),
    ).toMatchObject({ status: 403, code: "FORBIDDEN_FIELD", path: "/measures/0/field" });
    expect(
      errorOf(
        await org.alice.request("POST", ownUrl, {
          measures: [{ op: "count" }],
          filter: { "==": [{ var: "note" }, "x"] },
        }),
      ),
    ).toMatchObject({ status: 403, code: "FORBIDDEN_FIELD" });
    // Outside every set: no view right at all.
    expect(errorOf(await org.dave.request("POST", ownUrl, { measures: [{ op: "count" }] }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
  });

  it("is in the OpenAPI document with the export route", async () => {
    const spec = await t.anonymous.request("GET", "/api/openapi.json");
    const paths = spec.json().paths;
    expect(paths["/api/forms/{form}/aggregate"]?.post?.requestBody).toBeDefined();
    expect(paths["/api/forms/{form}/export"]?.get?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "format", in: "query" })]),
    );
  });
});
