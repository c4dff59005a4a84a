// Hostile request shapes: prototype-pollution keys in bodies, filters and query strings, Content-Type
// tricks, oversized bodies and uploads, and mass assignment of system fields on every write path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "../databases";
import { openForm, QUOTES } from "../fixtures";
import { errorOf, startTestApp, type TestApp } from "../harness";
import { multipart, PNG } from "../upload-fixtures";

describe.each(testDatabases())("security: hostile input ($name)", (database) => {
  let t: TestApp;
  let url: string;
  let member: Awaited<ReturnType<TestApp["newUser"]>>;
  beforeAll(async () => {
    t = await startTestApp(database, { bodyLimit: 64 * 1024, uploads: { maxFileBytes: 2048 } });
    // The hostile member may manage the form: what is tested is what a writer can and cannot set.
    url = `/api/forms/${await openForm(t, QUOTES)}/records`;
    member = await t.newUser("hostile@example.com");
  });
  afterAll(async () => t?.close());

  const raw = (
    method: "POST" | "PATCH",
    path: string,
    payload: string,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url: path,
      payload,
      headers: { authorization: `Bearer ${t.adminToken}`, "content-type": "application/json", ...headers },
    });

  describe("prototype pollution", () => {
    it("refuses __proto__ in a record body and pollutes nothing", async () => {
      const r = await raw("POST", url, '{"data": {"title": "p", "__proto__": {"polluted": true}}}');
      expect(errorOf(r)).toMatchObject({ status: 422, code: "VALIDATION_FAILED", path: "/data/__proto__" });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("refuses constructor.prototype in a body", async () => {
      const r = await raw(
        "POST",
        url,
        '{"data": {"title": "p", "constructor": {"prototype": {"polluted": 1}}}}',
      );
      expect([400, 422]).toContain(r.statusCode);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("refuses __proto__ as a field in a filter and in a sort", async () => {
      const filter = encodeURIComponent('{"==": [{"var": "__proto__"}, 1]}');
      expect((await t.admin.request("GET", `${url}?filter=${filter}`)).statusCode).toBeGreaterThanOrEqual(
        400,
      );
      const objectKey = encodeURIComponent('{"__proto__": {"==": [1, 1]}}');
      expect((await t.admin.request("GET", `${url}?filter=${objectKey}`)).statusCode).toBe(400);
      expect((await t.admin.request("GET", `${url}?sort=__proto__`)).statusCode).toBe(400);
    });

    it("refuses __proto__ keys in query strings", async () => {
      const r = await t.admin.request("GET", `${url}?__proto__[x]=1&constructor[prototype][y]=1`);
      expect(r.statusCode).toBeLessThan(500);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(({} as Record<string, unknown>).y).toBeUndefined();
    });
  });

  describe("Content-Type tricks", () => {
    it("refuses JSON sent as text/plain (a cross-site form's type) with 415", async () => {
      const r = await raw("POST", url, '{"data": {"title": "t"}}', { "content-type": "text/plain" });
      expect(errorOf(r)).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    });

    it("refuses form-urlencoded and multipart bodies on JSON routes", async () => {
      const form = await raw("POST", url, "data[title]=t", {
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(form.statusCode).toBe(415);
      const body = multipart({ name: "a.json", type: "application/json", bytes: Buffer.from('{"data":{}}') });
      const multi = await t.app.inject({
        method: "POST",
        url,
        payload: body.payload,
        headers: { ...body.headers, authorization: `Bearer ${t.adminToken}` },
      });
      expect(multi.statusCode).toBe(415);
    });

    it("refuses a non-UTF-8 charset and look-alike JSON types", async () => {
      const payload = '{"data": {"title": "t"}}';
      expect(
        (await raw("POST", url, payload, { "content-type": "application/json; charset=utf-7" })).statusCode,
      ).toBe(415);
      expect((await raw("POST", url, payload, { "content-type": "application/jsonx" })).statusCode).toBe(415);
      expect((await raw("POST", url, payload, { "content-type": "text/json" })).statusCode).toBe(415);
      expect(
        (await raw("POST", url, payload, { "content-type": "APPLICATION/JSON; charset=UTF-8" })).statusCode,
      ).toBe(201);
    });
  });

  describe("oversized", () => {
    it("refuses a body over the limit with 413 before parsing it", async () => {
      const big = JSON.stringify({ data: { title: "x".repeat(70 * 1024) } });
      expect(errorOf(await raw("POST", url, big))).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    });

    it("refuses an upload over the file limit and keeps nothing", async () => {
      const before = await t.db
        .selectFrom("files")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      const body = multipart({
        name: "big.png",
        type: "image/png",
        bytes: Buffer.concat([PNG, Buffer.alloc(4096)]),
      });
      const r = await t.app.inject({
        method: "POST",
        url: "/api/files",
        payload: body.payload,
        headers: { ...body.headers, authorization: `Bearer ${t.adminToken}` },
      });
      expect(r.statusCode).toBe(413);
      const after = await t.db
        .selectFrom("files")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it("refuses a batch over the batch limit", async () => {
      const batch = Array.from({ length: 1001 }, (_, i) => ({ data: { title: `t${i}` } }));
      const r = await t.app.inject({
        method: "POST",
        url,
        payload: batch,
        headers: { authorization: `Bearer ${t.adminToken}` },
      });
      expect([413, 422]).toContain(r.statusCode);
    });
  });

  describe("mass assignment of system fields", () => {
    const SYSTEM = {
      id: "00000000-0000-7000-8000-000000000001",
      createdBy: "00000000-0000-7000-8000-000000000002",
      createdAt: "2000-01-01T00:00:00Z",
      version: 99,
    };

    it("create refuses system fields beside data; inside data (an echoed record) they are not assigned", async () => {
      expect((await member.request("POST", url, { ...SYSTEM, data: { title: "m" } })).statusCode).toBe(422);
      const echoed = {
        id: SYSTEM.id,
        createdBy: SYSTEM.createdBy,
        created_by: SYSTEM.createdBy,
        ownerId: SYSTEM.createdBy,
        owner_id: SYSTEM.createdBy,
        createdAt: SYSTEM.createdAt,
        version: 99,
        deletedAt: SYSTEM.createdAt,
      };
      const r = await member.request("POST", url, { data: { title: "m", ...echoed } });
      expect(r.statusCode, r.body).toBe(201);
      const row = r.json();
      expect(row.id).not.toBe(SYSTEM.id);
      expect(row).toMatchObject({ createdBy: member.id, ownerId: member.id, version: 1 });
      expect(row.createdAt).not.toContain("2000");
      expect((await t.admin.request("GET", `${url}/${SYSTEM.id}`)).statusCode).toBe(404);
      expect((await t.admin.request("GET", `${url}/${row.id}`)).json().deletedAt ?? null).toBeNull();
    });

    it("a created record is owned by its creator whatever the body says", async () => {
      const r = await member.request("POST", url, { data: { title: "mine" } });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ createdBy: member.id, version: 1 });
    });

    it("update refuses system fields and keeps creator and version", async () => {
      const created = (await member.request("POST", url, { data: { title: "u" } })).json();
      const item = `${url}/${created.id}`;
      expect(
        (await member.request("PATCH", item, { ...SYSTEM, data: { title: "v" } }, { "if-match": "1" }))
          .statusCode,
      ).toBe(422);
      const echoed = await member.request(
        "PATCH",
        item,
        { data: { title: "w", createdBy: SYSTEM.createdBy, owner_id: SYSTEM.createdBy, version: 99 } },
        { "if-match": "1" },
      );
      expect(echoed.statusCode, echoed.body).toBe(200);
      const stored = (await t.admin.request("GET", item)).json();
      expect(stored).toMatchObject({
        createdBy: member.id,
        ownerId: member.id,
        version: 2,
        data: { title: "w" },
      });
    });

    it("batch create refuses system fields in any item and writes none of the batch", async () => {
      const before = (await t.admin.request("GET", `${url}?count=true&limit=1`)).json().count.value;
      const r = await member.request("POST", url, [
        { data: { title: "ok" } },
        { id: SYSTEM.id, data: { title: "bad" } },
      ]);
      expect(r.statusCode).toBe(422);
      expect((await t.admin.request("GET", `${url}?count=true&limit=1`)).json().count.value).toBe(before);
    });

    it("computed fields (serial, formula) cannot be set by a writer", async () => {
      const r = await member.request("POST", url, {
        data: { title: "f", price: 2, qty: 3, total: 1000, no: "QT-9999" },
      });
      if (r.statusCode === 201) {
        expect(r.json().data.total).toBe(6);
        expect(r.json().data.no).not.toBe("QT-9999");
      } else {
        expect(r.statusCode).toBe(422);
      }
    });
  });
});
