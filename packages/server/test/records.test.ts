// The records resource end to end: the write path's rules, queries, optimistic concurrency, history,
// the recycle bin, batches, idempotency and the two race tests of issue 3.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm, QUOTES } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";

describe.each(testDatabases())("records ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    formId = await publishedForm(t);
    url = `/api/forms/${formId}/records`;
  });
  afterAll(async () => t?.close());

  const create = (data: Record<string, unknown>, headers?: Record<string, string>) =>
    t.admin.request("POST", url, { data }, headers);

  it("creates a record: system fields are the server's, formulas recomputed, hidden values dropped", async () => {
    const response = await create({
      title: " First ",
      price: 10,
      qty: 3,
      total: 999,
      discount: 0.1,
      reason: "hidden",
    });
    expect(response.statusCode).toBe(201);
    const record = response.json();
    expect(record).toMatchObject({
      id: expect.any(String),
      version: 1,
      createdBy: expect.any(String),
      ownerId: record.createdBy,
      flowStatus: null,
      data: { title: "First", price: 10, qty: 3, total: 30, discount: 0.1, reason: null, no: "QT-0001" },
    });
    expect(response.headers.etag).toBe('"1"');
  });

  it("ignores system properties echoed in data, refuses unknown fields and unknown top-level keys", async () => {
    const forged = "00000000-0000-7000-8000-000000000000";
    const echoed = await create({
      title: "x",
      id: forged,
      createdBy: forged,
      version: 9,
      no: "QT-9999",
      total: 5,
    });
    expect(echoed.statusCode).toBe(201);
    expect(echoed.json().id).not.toBe(forged);
    expect(echoed.json().createdBy).not.toBe(forged);
    expect(echoed.json().version).toBe(1);
    expect(echoed.json().data.no).not.toBe("QT-9999");
    expect(echoed.json().data.total).toBe(0);
    expect(errorOf(await create({ title: "x", colour: "red" }))).toMatchObject({
      status: 422,
      code: "UNKNOWN_FIELD",
      path: "/data/colour",
    });
    const top = await t.admin.request("POST", url, { data: { title: "x" }, version: 5 });
    expect(errorOf(top)).toMatchObject({ status: 422, code: "UNKNOWN_FIELD", path: "/version" });
  });

  it("reports wrong types, required fields and submit validations with pointers; writes nothing", async () => {
    const before = (await t.admin.request("GET", url)).json().count.value;
    expect(errorOf(await create({ title: "x", price: "ten" }))).toMatchObject({
      status: 422,
      path: "/data/price",
    });
    expect(errorOf(await create({ price: 1 }))).toMatchObject({
      status: 422,
      code: "VALIDATION_FAILED",
      path: "/data/title",
    });
    const rule = await create({ title: "x", discount: 0.6 });
    expect(errorOf(rule)).toMatchObject({ status: 422 });
    expect(errorOf(await create({ title: "a\u0000b" }))).toMatchObject({ status: 422, path: "/data/title" });
    expect(
      errorOf(await create({ title: "x", owner: "00000000-0000-7000-8000-000000000000" })),
    ).toMatchObject({
      status: 422,
      path: "/data/owner",
    });
    const many = await t.admin.request("POST", url, {
      data: { title: "x", tags: Array.from({ length: 10_000 }, () => "t") },
    });
    expect(errorOf(many)).toMatchObject({ status: 422, code: "VALIDATION_FAILED", path: "/data/tags" });
    expect((await t.admin.request("GET", url)).json().count.value).toBe(before);
  });

  it("accepts an existing member", async () => {
    const user = await t.newUser("member@example.com");
    const response = await create({ title: "with owner", owner: user.id });
    expect(response.statusCode).toBe(201);
    expect(response.json().data.owner).toBe(user.id);
  });

  it("queries with filter, sort, paging, projection and search", async () => {
    const batch = await t.admin.request(
      "POST",
      url,
      [5, 1, 4, 2, 3].map((price) => ({ data: { title: `报价单 item ${price}`, price, qty: 1 } })),
    );
    expect(batch.statusCode).toBe(201);
    expect(batch.json().records).toHaveLength(5);

    const filter = encodeURIComponent(
      JSON.stringify({ and: [{ ">=": [{ var: "price" }, 2] }, { contains: [{ var: "title" }, "item"] }] }),
    );
    const page = await t.admin.request(
      "GET",
      `${url}?filter=${filter}&sort=-price&limit=2&fields=title,price`,
    );
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.records.map((r: { data: { price: number } }) => r.data.price)).toEqual([5, 4]);
    expect(Object.keys(body.records[0].data).sort()).toEqual(["price", "title"]);
    // `title` has no index, so the count is capped at 1,000 — exact here because there are fewer.
    expect(body.count).toEqual({ value: 4, exact: true });
    expect(body.nextCursor).toEqual(expect.any(String));
    const next = await t.admin.request(
      "GET",
      `${url}?filter=${filter}&sort=-price&limit=2&cursor=${encodeURIComponent(body.nextCursor)}`,
    );
    expect(next.json().records.map((r: { data: { price: number } }) => r.data.price)).toEqual([3, 2]);
    const offset = await t.admin.request("GET", `${url}?sort=price&limit=1&offset=1&filter=${filter}`);
    expect(offset.json().records[0].data.price).toBe(3);

    const indexed = encodeURIComponent(JSON.stringify({ ">=": [{ var: "price" }, 2] }));
    expect((await t.admin.request("GET", `${url}?filter=${indexed}`)).json().count.exact).toBe(true);

    const search = await t.admin.request("GET", `${url}?q=${encodeURIComponent("价单")}`);
    expect(search.json().records.length).toBe(5);
  });

  it("refuses bad filters and sorts with 400 and a pointer", async () => {
    const get = (query: string) => t.admin.request("GET", `${url}?${query}`);
    const q = (filter: unknown) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
    expect(errorOf(await get(q({ "==": [{ var: "nope" }, 1] })))).toMatchObject({
      status: 400,
      code: "INVALID_FILTER",
    });
    expect(errorOf(await get(q({ "==": [{ var: "nope" }, 1] }))).path).toMatch(/^\/filter\/==\/0/);
    expect(errorOf(await get(q({ regex: [{ var: "title" }, ".*"] })))).toMatchObject({
      status: 400,
      code: "INVALID_FILTER",
    });
    expect(errorOf(await get(q({ "==": [{ var: 'title"; DROP TABLE users; --' }, 1] })))).toMatchObject({
      status: 400,
      code: "INVALID_FILTER",
    });
    expect(errorOf(await get("filter=%7Bnot-json"))).toMatchObject({
      status: 400,
      code: "INVALID_FILTER",
      path: "/filter",
    });
    expect(errorOf(await get("sort=nope"))).toMatchObject({
      status: 400,
      code: "INVALID_SORT",
      path: "/sort/0",
    });
    expect(errorOf(await get("sort=title;drop"))).toMatchObject({ status: 400, code: "INVALID_SORT" });
    expect(errorOf(await get("limit=1001"))).toMatchObject({ status: 400, path: "/limit" });
    expect(errorOf(await get("fields=nope"))).toMatchObject({ status: 400 });
    expect((await t.db.selectFrom("users").select("id").execute()).length).toBeGreaterThan(0);
  });

  it("updates with If-Match: 428 without, 412 when stale, history with field diffs", async () => {
    const record = (await create({ title: "v1", price: 2, qty: 2 })).json();
    const item = `${url}/${record.id}`;
    expect(errorOf(await t.admin.request("PATCH", item, { data: { price: 3 } }))).toMatchObject({
      status: 428,
      code: "PRECONDITION_REQUIRED",
    });
    const updated = await t.admin.request("PATCH", item, { data: { price: 3 } }, { "if-match": '"1"' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      version: 2,
      data: { title: "v1", price: 3, total: 6, no: record.data.no },
    });
    const stale = await t.admin.request("PATCH", item, { data: { price: 4 } }, { "if-match": '"1"' });
    expect(errorOf(stale)).toMatchObject({ status: 412, code: "VERSION_CONFLICT" });
    expect((await t.admin.request("GET", item)).json().data.price).toBe(3);

    const history = (await t.admin.request("GET", `${item}/history`)).json().revisions;
    expect(history.map((r: { action: string }) => r.action)).toEqual(["create", "update"]);
    expect(history[1].diff).toMatchObject({ price: { from: 2, to: 3 }, total: { from: 4, to: 6 } });
    expect(history[1].diff).not.toHaveProperty("title");
  });

  it("deletes to the recycle bin, restores, purges", async () => {
    const record = (await create({ title: "binned" })).json();
    const item = `${url}/${record.id}`;
    expect((await t.admin.request("DELETE", item)).statusCode).toBe(200);
    expect(errorOf(await t.admin.request("GET", item))).toMatchObject({ status: 404 });
    const bin = (await t.admin.request("GET", `${url}?deleted=true`)).json();
    expect(bin.records.map((r: { id: string }) => r.id)).toContain(record.id);
    expect(bin.records[0].deletedAt).toEqual(expect.any(String));

    expect((await t.admin.request("POST", `${item}/restore`)).json()).toMatchObject({
      id: record.id,
      version: 3,
    });
    expect((await t.admin.request("GET", item)).statusCode).toBe(200);
    expect(errorOf(await t.admin.request("DELETE", `${item}?purge=true`))).toMatchObject({ status: 409 });

    await t.admin.request("DELETE", item);
    const user = await t.newUser("purger@example.com");
    expect(errorOf(await user.request("DELETE", `${item}?purge=true`))).toMatchObject({ status: 403 });
    expect((await t.admin.request("DELETE", `${item}?purge=true`)).statusCode).toBe(204);
    expect(errorOf(await t.admin.request("GET", `${item}/history`))).toMatchObject({ status: 404 });
  });

  it("creates a batch in one transaction: one bad record rejects all, with its index in the pointer", async () => {
    const before = (await t.admin.request("GET", url)).json().count.value;
    const bad = await t.admin.request("POST", url, [{ data: { title: "ok" } }, { data: { price: 1 } }]);
    expect(errorOf(bad)).toMatchObject({ status: 422, path: "/1/data/title" });
    const tooMany = await t.admin.request(
      "POST",
      url,
      Array.from({ length: 1001 }, () => ({ data: { title: "x" } })),
    );
    expect(errorOf(tooMany)).toMatchObject({ status: 422, code: "VALIDATION_FAILED", path: "" });
    const dupes = await t.admin.request("POST", url, [
      { data: { title: "a", code: "DUP" } },
      { data: { title: "b", code: "DUP" } },
    ]);
    expect(errorOf(dupes)).toMatchObject({ status: 409, code: "UNIQUE_VIOLATION" });
    expect((await t.admin.request("GET", url)).json().count.value).toBe(before);

    const ok = await t.admin.request(
      "POST",
      url,
      Array.from({ length: 200 }, (_, i) => ({ data: { title: `b${i}` } })),
    );
    expect(ok.statusCode).toBe(201);
    expect(new Set(ok.json().records.map((r: { data: { no: string } }) => r.data.no)).size).toBe(200);
  });

  it("replays the first response for a repeated Idempotency-Key", async () => {
    const first = await create({ title: "once" }, { "idempotency-key": "submit-1" });
    const second = await create({ title: "once" }, { "idempotency-key": "submit-1" });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    const other = await create({ title: "different" }, { "idempotency-key": "submit-1" });
    expect(errorOf(other)).toMatchObject({ status: 409, code: "CONFLICT" });
    const filter = encodeURIComponent(JSON.stringify({ "==": [{ var: "title" }, "once"] }));
    expect((await t.admin.request("GET", `${url}?filter=${filter}`)).json().count.value).toBe(1);
  });

  it("50 concurrent creates with the same unique value: exactly one succeeds, the rest 409", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => create({ title: `race ${i}`, code: "SAME" })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(errorOf(responses.find((r) => r.statusCode === 409)!)).toMatchObject({
      code: "UNIQUE_VIOLATION",
      path: "/code",
    });
  });

  it("100 concurrent creates get 100 distinct serial numbers", async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => create({ title: `serial ${i}` })),
    );
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const numbers = responses.map((r) => r.json().data.no as string);
    expect(new Set(numbers).size).toBe(100);
  });

  it("answers 404 for unknown forms and records, 409 for an unpublished form", async () => {
    expect(
      errorOf(await t.admin.request("GET", `/api/forms/00000000-0000-7000-8000-000000000000/records`)).status,
    ).toBe(404);
    expect(errorOf(await t.admin.request("GET", `${url}/00000000-0000-7000-8000-000000000000`)).status).toBe(
      404,
    );
    const app = (await t.admin.request("POST", "/api/apps", { name: "draft only" })).json();
    const draft = (
      await t.admin.request("POST", `/api/apps/${app.id}/forms`, { ...QUOTES, key: "draft" })
    ).json();
    expect(
      errorOf(await t.admin.request("POST", `/api/forms/${draft.id}/records`, { data: { title: "x" } }))
        .status,
    ).toBe(409);
  });

  it("fills data-linkage defaults and link fill rules from the linked form, and links must point at live records", async () => {
    const products = await publishedForm(t, {
      key: "products",
      name: "Products",
      fields: [
        { id: "sku", type: "text", label: "SKU", unique: true },
        { id: "price", type: "number", label: "Price" },
      ],
    });
    const productsApp = (await t.admin.request("GET", `/api/forms/${products}`)).json().appId;
    const orders = (
      await t.admin.request("POST", `/api/apps/${productsApp}/forms`, {
        key: "orders",
        name: "Orders",
        fields: [
          { id: "sku", type: "text", label: "SKU" },
          {
            id: "price",
            type: "number",
            label: "Price",
            default: {
              linkage: { form: "products", match: [{ field: "sku", equals: "sku" }], take: "price" },
            },
          },
          {
            id: "product",
            type: "link",
            label: "Product",
            form: "products",
            fill: [{ from: "sku", to: "product_sku" }],
          },
          { id: "product_sku", type: "text", label: "Product SKU" },
        ],
      })
    ).json();
    expect((await t.admin.request("POST", `/api/forms/${orders.id}/publish`)).statusCode).toBe(200);
    const product = (
      await t.admin.request("POST", `/api/forms/${products}/records`, { data: { sku: "A-1", price: 12.5 } })
    ).json();

    const order = await t.admin.request("POST", `/api/forms/${orders.id}/records`, {
      data: { sku: "A-1", product: product.id },
    });
    expect(order.statusCode).toBe(201);
    expect(order.json().data).toMatchObject({
      sku: "A-1",
      price: 12.5,
      product: product.id,
      product_sku: "A-1",
    });
    const kept = await t.admin.request("POST", `/api/forms/${orders.id}/records`, {
      data: { product: product.id, product_sku: "edited" },
    });
    expect(kept.json().data.product_sku).toBe("edited");
    const typed = await t.admin.request("POST", `/api/forms/${orders.id}/records`, {
      data: { sku: "A-1", price: 3 },
    });
    expect(typed.json().data.price).toBe(3);
    const unmatched = await t.admin.request("POST", `/api/forms/${orders.id}/records`, {
      data: { sku: "none" },
    });
    expect(unmatched.json().data.price).toBeNull();

    await t.admin.request("DELETE", `/api/forms/${products}/records/${product.id}`);
    const dangling = await t.admin.request("POST", `/api/forms/${orders.id}/records`, {
      data: { product: product.id },
    });
    expect(errorOf(dangling)).toMatchObject({ status: 422, path: "/data/product" });
  });
});
