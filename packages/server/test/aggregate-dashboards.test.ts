// What dashboards ask of POST /api/forms/:form/aggregate beyond plain groups: totals of a pivot
// (GROUPING SETS in the statement), a KPI against its previous window (one statement, two FILTERs),
// fields of a linked form through a link field (under the linked form's own row and field rights), and
// sub-form rows grouped by a linked field. Buckets are cut in a non-UTC zone.
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet, makeOrg, type Org } from "./permissions-fixtures";

const PRODUCTS: FormDefinition = {
  key: "products",
  name: "Products",
  fields: [
    { id: "name", type: "text", label: "Name" },
    { id: "category", type: "select", label: "Category", options: [{ value: "tea" }, { value: "cup" }] },
    { id: "cost", type: "number", label: "Cost" },
  ],
};

const SALES: FormDefinition = {
  key: "sales",
  name: "Sales",
  fields: [
    { id: "region", type: "select", label: "Region", options: [{ value: "north" }, { value: "south" }] },
    { id: "amount", type: "number", label: "Amount" },
    { id: "at", type: "datetime", label: "At" },
    { id: "product", type: "link", label: "Product", form: "products" },
    {
      id: "lines",
      type: "subform",
      label: "Lines",
      fields: [
        { id: "item", type: "link", label: "Item", form: "products" },
        { id: "subtotal", type: "number", label: "Subtotal" },
      ],
    },
  ],
};

describe.each(testDatabases())("aggregate for dashboards ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let sales: string;
  let products: string;
  let appId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "aggd");
    const app = await t.admin.request("POST", "/api/apps", { name: "Shop" });
    appId = app.json().id;
    for (const def of [PRODUCTS, SALES]) {
      const form = await t.admin.request("POST", `/api/apps/${app.json().id}/forms`, def);
      expect(form.statusCode, form.body).toBe(201);
      const published = await t.admin.request("POST", `/api/forms/${form.json().id}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      if (def.key === "products") products = form.json().id;
      else sales = form.json().id;
    }
    for (const [name, category, cost] of [
      ["green", "tea", 3],
      ["black", "tea", 4],
      ["mug", "cup", 9],
    ] as const) {
      const r = await t.admin.request("POST", `/api/forms/${products}/records`, {
        data: { name, category, cost },
      });
      expect(r.statusCode, r.body).toBe(201);
      ids[name] = r.json().id;
    }
    // Shanghai is UTC+8: 2026-03-31T20:00Z is already 1 April there.
    const rows = [
      { region: "north", amount: 10, at: "2026-03-05T02:00:00Z", product: ids.green, rep: 0 },
      { region: "north", amount: 20, at: "2026-03-31T20:00:00Z", product: ids.mug },
      { region: "south", amount: 5, at: "2026-04-10T02:00:00Z", product: ids.black },
      { region: "south", amount: 7, at: "2026-04-11T02:00:00Z", product: ids.green },
      { region: "north", amount: 100, at: "2026-02-01T02:00:00Z", product: null },
    ];
    for (const { rep: _, ...data } of rows) {
      const lines =
        data.amount === 10
          ? [
              { item: ids.green, subtotal: 4 },
              { item: ids.mug, subtotal: 6 },
            ]
          : data.amount === 20
            ? [{ item: ids.green, subtotal: 20 }]
            : [];
      const r = await t.admin.request("POST", `/api/forms/${sales}/records`, { data: { ...data, lines } });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  const post = (body: unknown, as = t.admin) => as.request("POST", `/api/forms/${sales}/aggregate`, body);

  it("pivots two groups with row, column and grand totals from one statement", async () => {
    const r = await post({
      groupBy: [{ field: "region" }, { field: "at", bucket: "month" }],
      measures: [{ op: "sum", field: "amount" }, { op: "count" }],
      totals: true,
      timeZone: "Asia/Shanghai",
    });
    expect(r.statusCode, r.body).toBe(200);
    const rows = r.json().rows as Record<string, unknown>[];
    const cell = (g0: unknown, g1: unknown, t0: boolean, t1: boolean) =>
      rows.find((x) => x.g0 === g0 && x.g1 === g1 && x.t0 === t0 && x.t1 === t1);
    expect(cell(null, null, true, true)).toMatchObject({ m0: 142, m1: 5 });
    expect(cell("north", null, false, true)).toMatchObject({ m0: 130, m1: 3 });
    expect(cell("south", null, false, true)).toMatchObject({ m0: 12, m1: 2 });
    expect(cell(null, "2026-04-01", true, false)).toMatchObject({ m0: 32, m1: 3 });
    expect(cell("north", "2026-04-01", false, false)).toMatchObject({ m0: 20, m1: 1 });
    expect(cell("north", "2026-03-01", false, false)).toMatchObject({ m0: 10, m1: 1 });
    // 2 regions × their months (north: Feb, Mar, Apr; south: Apr) + 2 row totals + 3 column totals + 1.
    expect(rows).toHaveLength(4 + 2 + 3 + 1);
    // Totals come first, so a limit never drops them.
    expect(rows[0]).toMatchObject({ t0: true, t1: true });
  });

  it("measures the current and the previous window side by side in the zone", async () => {
    const r = await post({
      measures: [{ op: "sum", field: "amount" }, { op: "count" }],
      compare: { field: "at", from: "2026-04-01", to: "2026-04-30" },
      timeZone: "Asia/Shanghai",
    });
    expect(r.statusCode, r.body).toBe(200);
    // April (Shanghai): 20 (31 March UTC), 5, 7. The 30 days before: 2 March - 31 March: 10.
    expect(r.json().rows).toEqual([{ m0: 32, p0: 10, m1: 3, p1: 1 }]);
    const utc = await post({
      measures: [{ op: "sum", field: "amount" }],
      compare: { field: "at", from: "2026-04-01", to: "2026-04-30" },
      timeZone: "UTC",
    });
    expect(utc.json().rows).toEqual([{ m0: 12, p0: 30 }]);
    // The last N days up to today in the zone: every sale lies in the long window before today's.
    const recent = await post({ measures: [{ op: "count" }], compare: { field: "at", days: 3000 } });
    expect(recent.statusCode, recent.body).toBe(200);
    expect(Number(recent.json().rows[0].m0) + Number(recent.json().rows[0].p0)).toBe(5);
    const grouped = await post({
      groupBy: [{ field: "region" }],
      measures: [{ op: "sum", field: "amount" }],
      compare: { field: "at", from: "2026-04-01", to: "2026-04-30" },
      totals: true,
      timeZone: "Asia/Shanghai",
    });
    expect(grouped.json().rows).toEqual([
      { g0: null, m0: 32, p0: 10, t0: true },
      { g0: "north", m0: 20, p0: 10, t0: false },
      { g0: "south", m0: 12, p0: null, t0: false },
    ]);
    expect(
      errorOf(
        await post({
          measures: [{ op: "count" }],
          compare: { field: "region", from: "2026-04-01", to: "2026-04-30" },
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", path: "/compare/field" });
    expect(
      errorOf(
        await post({
          measures: [{ op: "count" }],
          compare: { field: "at", from: "2026-04-02", to: "2026-04-01" },
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", path: "/compare/to" });
  });

  it("groups by a linked form's field and aggregates sub-form rows by it", async () => {
    const byCategory = await post({
      groupBy: [{ field: "category", via: "product" }],
      measures: [
        { op: "sum", field: "amount" },
        { op: "max", field: "cost", via: "product" },
      ],
    });
    expect(byCategory.statusCode, byCategory.body).toBe(200);
    expect(byCategory.json().rows).toEqual([
      { g0: "cup", m0: 20, m1: 9 },
      { g0: "tea", m0: 22, m1: 4 },
      { g0: null, m0: 100, m1: null },
    ]);
    const lines = await post({
      source: { subform: "lines" },
      groupBy: [{ field: "name", via: "item" }],
      measures: [{ op: "sum", field: "subtotal" }],
      sort: [{ by: "m0", direction: "desc" }],
    });
    expect(lines.statusCode, lines.body).toBe(200);
    expect(lines.json().rows).toEqual([
      { g0: "green", m0: 24 },
      { g0: "mug", m0: 6 },
    ]);
    expect(
      errorOf(await post({ groupBy: [{ field: "category", via: "region" }], measures: [{ op: "count" }] })),
    ).toMatchObject({ code: "UNKNOWN_FIELD", path: "/groupBy/0/via" });
    expect(
      errorOf(await post({ groupBy: [{ field: "ghost", via: "product" }], measures: [{ op: "count" }] })),
    ).toMatchObject({ code: "UNKNOWN_FIELD", path: "/groupBy/0/field" });
  });

  it("applies the viewer's rights on both forms: row conditions and hidden fields", async () => {
    // Alice sees the north's sales without their time, and of the products the teas without their cost.
    await addSet(t, sales, {
      name: "North",
      kind: "custom",
      actions: ["view"],
      rowCondition: { "==": [{ var: "region" }, "north"] },
      fields: { at: "hidden" },
      members: [{ type: "user", id: org.alice.id }],
    });
    await addSet(t, products, {
      name: "Teas",
      kind: "custom",
      actions: ["view"],
      rowCondition: { "==": [{ var: "category" }, "tea"] },
      fields: { cost: "hidden" },
      members: [{ type: "user", id: org.alice.id }],
    });
    const r = await post(
      { groupBy: [{ field: "name", via: "product" }], measures: [{ op: "sum", field: "amount" }] },
      org.alice,
    );
    expect(r.statusCode, r.body).toBe(200);
    // North: green 10, mug 20 (a cup: hidden from her, so it reveals nothing), none 100.
    expect(r.json().rows).toEqual([
      { g0: "green", m0: 10 },
      { g0: null, m0: 120 },
    ]);
    expect(
      errorOf(await post({ measures: [{ op: "max", field: "cost", via: "product" }] }, org.alice)),
    ).toMatchObject({ status: 403, code: "FORBIDDEN_FIELD", path: "/measures/0/field" });
    expect(
      errorOf(
        await post({ groupBy: [{ field: "at", bucket: "month" }], measures: [{ op: "count" }] }, org.alice),
      ),
    ).toMatchObject({ status: 403, code: "FORBIDDEN_FIELD", path: "/groupBy/0/field" });
    expect(
      errorOf(
        await post(
          { measures: [{ op: "count" }], compare: { field: "at", from: "2026-04-01", to: "2026-04-30" } },
          org.alice,
        ),
      ),
    ).toMatchObject({ status: 403, code: "FORBIDDEN_FIELD", path: "/compare/field" });
    // Bob may view every sale but has no right on products (its first set closed it): the link is refused.
    await addSet(t, sales, {
      name: "All",
      kind: "custom",
      actions: ["view"],
      members: [{ type: "user", id: org.bob.id }],
    });
    expect((await post({ measures: [{ op: "count" }] }, org.bob)).json().rows).toEqual([{ m0: 5 }]);
    expect(
      errorOf(
        await post({ groupBy: [{ field: "name", via: "product" }], measures: [{ op: "count" }] }, org.bob),
      ),
    ).toMatchObject({ status: 403, code: "FORBIDDEN_FIELD", path: "/groupBy/0/via" });
  });

  it("reads the rollups a saved dashboard asks for, with the same answers and under the viewer's rights", async () => {
    const pivot = {
      groupBy: [{ field: "region" }, { field: "at", bucket: "month" }],
      measures: [{ op: "sum", field: "amount" }, { op: "avg", field: "amount" }, { op: "count" }],
      totals: true,
    };
    const kpi = {
      measures: [{ op: "sum", field: "amount" }],
      compare: { field: "at", from: "2026-04-01", to: "2026-04-30" },
    };
    const before = [
      (await post(pivot)).json(),
      (await post(kpi)).json(),
      (await post(pivot, org.alice)).json(),
    ];
    const layout = { x: 0, y: 0, w: 6, h: 4 };
    const saved = await t.admin.request("POST", `/api/apps/${appId}/dashboards`, {
      title: "Sales",
      widgets: [
        {
          id: "p",
          kind: "pivot",
          form: "sales",
          layout,
          dimensions: pivot.groupBy,
          measures: pivot.measures,
        },
        { id: "k", kind: "kpi", form: "sales", layout, measures: kpi.measures, compareField: "at" },
        // Not servable by a rollup (max): nothing is built for it.
        {
          id: "m",
          kind: "bar",
          form: "sales",
          layout,
          dimensions: [{ field: "region" }],
          measures: [{ op: "max", field: "amount" }],
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const built = await t.db
      .selectFrom("form_rollups" as never)
      .select("dims" as never)
      .execute();
    expect(built.map((r) => (r as { dims: unknown }).dims)).toEqual(
      expect.arrayContaining([
        [{ column: "f_at", zone: "Asia/Shanghai" }],
        expect.arrayContaining([{ column: "f_region" }]),
      ]),
    );
    expect(built).toHaveLength(2);
    // The same answers, and Alice (north only, time hidden) still gets hers: a row condition scans.
    const after = [
      (await post(pivot)).json(),
      (await post(kpi)).json(),
      (await post(pivot, org.alice)).json(),
    ];
    expect(after).toEqual(before);
    // A new sale is in the next answer: the rollup is kept by the write itself.
    const r = await t.admin.request("POST", `/api/forms/${sales}/records`, {
      data: { region: "south", amount: 1, at: "2026-04-12T02:00:00Z" },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await post(kpi)).json().rows).toEqual([
      { m0: (before[1].rows[0].m0 as number) + 1, p0: before[1].rows[0].p0 },
    ]);
  });
});
