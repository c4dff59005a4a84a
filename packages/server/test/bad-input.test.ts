// The request-shape half of issue 3's bad-input list: every answer is a 4xx with a stable code and a
// pointer, and nothing is written.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";

describe.each(testDatabases())("bad input ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database, { bodyLimit: 64 * 1024 });
  });
  afterAll(async () => t?.close());

  const countApps = async () =>
    Number(
      (
        await t.db
          .selectFrom("apps")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const post = (payload: string, contentType = "application/json") =>
    t.app.inject({
      method: "POST",
      url: "/api/apps",
      headers: { authorization: `Bearer ${t.adminToken}`, "content-type": contentType },
      payload,
    });

  it("malformed JSON → 400 INVALID_JSON", async () => {
    expect(errorOf(await post('{"name": "x",'))).toMatchObject({
      status: 400,
      code: "INVALID_JSON",
      path: "",
    });
    expect(await countApps()).toBe(0);
  });

  it("wrong or tricky Content-Type → 415", async () => {
    for (const type of [
      "text/plain",
      "application/json-patch",
      "application/jsonx",
      "application/x-www-form-urlencoded",
      "application/json; charset=latin1",
      "multipart/form-data; boundary=x",
    ]) {
      expect({ type, ...errorOf(await post('{"name":"x"}', type)) }).toMatchObject({
        type,
        status: 415,
        code: "UNSUPPORTED_MEDIA_TYPE",
      });
    }
    expect(await countApps()).toBe(0);
  });

  it("accepts JSON with charset variants", async () => {
    for (const type of [
      "application/json; charset=utf-8",
      "Application/JSON;charset=UTF-8",
      'application/json; charset="utf-8"',
    ]) {
      expect((await post('{"name":"ok"}', type)).statusCode).toBe(201);
    }
    await t.db.deleteFrom("apps").execute();
  });

  it("body over the limit → 413 PAYLOAD_TOO_LARGE", async () => {
    const response = await post(JSON.stringify({ name: "x", description: "y".repeat(70 * 1024) }));
    expect(errorOf(response)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(await countApps()).toBe(0);
  });

  it("unknown fields → 422 UNKNOWN_FIELD with a pointer", async () => {
    expect(errorOf(await post('{"name":"x","flavour":"red"}'))).toEqual({
      status: 422,
      code: "UNKNOWN_FIELD",
      path: "/flavour",
    });
  });

  it("wrong types → 422 VALIDATION_FAILED with a pointer", async () => {
    expect(errorOf(await post('{"name": 42}'))).toEqual({
      status: 422,
      code: "VALIDATION_FAILED",
      path: "/name",
    });
    expect(errorOf(await post("[1,2]"))).toMatchObject({ status: 422, code: "VALIDATION_FAILED" });
  });

  it("__proto__ and constructor keys → 422 with a pointer, Object.prototype untouched", async () => {
    const proto = await post('{"name":"x","nested":{"__proto__":{"polluted":true}}}');
    expect(errorOf(proto)).toEqual({ status: 422, code: "VALIDATION_FAILED", path: "/nested/__proto__" });
    const ctor = await post('{"name":"x","constructor":{"prototype":{"polluted":true}}}');
    expect(errorOf(ctor)).toEqual({ status: 422, code: "VALIDATION_FAILED", path: "/constructor" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(await countApps()).toBe(0);
  });

  it("NUL bytes in strings → 422 VALIDATION_FAILED with a pointer", async () => {
    expect(errorOf(await post('{"name":"a\\u0000b"}'))).toEqual({
      status: 422,
      code: "VALIDATION_FAILED",
      path: "/name",
    });
    expect(await countApps()).toBe(0);
  });

  it("a 10,000-element array → 422 with a pointer", async () => {
    const response = await post(
      JSON.stringify({ name: "x", description: Array.from({ length: 10_000 }, () => 1) }),
    );
    expect(errorOf(response)).toMatchObject({ status: 422, code: "VALIDATION_FAILED", path: "/description" });
  });

  it("malformed ids and query strings → 400 with a pointer", async () => {
    const get = (url: string) => t.admin.request("GET", url);
    expect(errorOf(await get("/api/apps/not-a-uuid"))).toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      path: "/app",
    });
    expect(errorOf(await get("/api/users?limit=many"))).toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      path: "/limit",
    });
    expect(errorOf(await get("/api/nothing-here"))).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("an empty JSON body where one is required → 400 INVALID_JSON", async () => {
    expect(errorOf(await post(""))).toMatchObject({ status: 400, code: "INVALID_JSON" });
  });
});
