// The caches on the write path and what they may never get wrong: credentials (a revoked token or an
// ended session is refused by this process at once), published forms (a publish here is used at once;
// a publish by another instance never lets a write through the old definition), and the minimal
// response batch clients ask for with `Prefer: return=minimal`.
import type { FormDefinition } from "@formwork/schema";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { ADMIN, CSRF, errorOf, startTestApp, type TestApp } from "./harness";

const NOTES: FormDefinition = {
  key: "notes",
  name: "Notes",
  fields: [
    { id: "title", type: "text", label: "Title", required: true },
    { id: "kind", type: "select", label: "Kind", options: [{ value: "a" }, { value: "b" }] },
  ],
};

/** The same form with a new field and `kind` turned into a multi-select (a column type change). */
const NOTES_V2: FormDefinition = {
  ...NOTES,
  fields: [
    { id: "title", type: "text", label: "Title", required: true },
    { id: "kind", type: "multiselect", label: "Kind", options: [{ value: "a" }, { value: "b" }] },
    { id: "extra", type: "text", label: "Extra" },
  ],
};

describe.each(testDatabases())("write-path caches ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  });
  afterAll(async () => t?.close());

  it("refuses a revoked API token on the very next request", async () => {
    const user = await t.newUser("revoke@example.com");
    expect((await user.request("GET", "/api/me")).statusCode).toBe(200);
    expect((await user.request("GET", "/api/me")).statusCode).toBe(200); // now from the cache
    const tokens = (await user.request("GET", "/api/tokens")).json<{ tokens: { id: string }[] }>().tokens;
    expect(tokens).toHaveLength(1);
    const revoked = await user.request("DELETE", `/api/tokens/${tokens[0]!.id}`);
    expect(revoked.statusCode).toBe(204);
    expect(errorOf(await user.request("GET", "/api/me"))).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
    });
  });

  it("refuses a session cookie on the very next request after logout", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: CSRF,
      payload: { email: ADMIN.email, password: ADMIN.password },
    });
    const cookie = `formwork_session=${login.cookies.find((c) => c.name === "formwork_session")!.value}`;
    const me = () => t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect((await me()).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(200);
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { ...CSRF, cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me()).statusCode).toBe(401);
  });

  it("serves a disabled user from the cache at most until forgetUser, which code disabling users calls", async () => {
    const user = await t.newUser("disable@example.com");
    expect((await user.request("GET", "/api/me")).statusCode).toBe(200);
    await t.db.updateTable("users").set({ disabled: true }).where("id", "=", user.id).execute();
    // Changed behind the server's back: the documented bound (a few seconds) applies...
    expect((await user.request("GET", "/api/me")).statusCode).toBe(200);
    // ...until the change is announced in-process.
    t.app.credentialCache.forgetUser(user.id);
    expect((await user.request("GET", "/api/me")).statusCode).toBe(401);
  });

  it("uses a new publish of this process from the next request on", async () => {
    const formId = await publishedForm(t, NOTES);
    const url = `/api/forms/${formId}/records`;
    expect((await t.admin.request("POST", url, { data: { title: "v1" } })).statusCode).toBe(201);
    expect((await t.admin.request("PUT", `/api/forms/${formId}`, NOTES_V2)).statusCode).toBe(200);
    expect((await t.admin.request("POST", `/api/forms/${formId}/publish`)).json().version).toBe(2);
    const created = await t.admin.request("POST", url, {
      data: { title: "v2", kind: ["a", "b"], extra: "x" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toEqual({ title: "v2", kind: ["a", "b"], extra: "x" });
  });

  describe("with a second instance over the same database", () => {
    let other: FastifyInstance;
    beforeAll(async () => {
      other = await buildApp({
        db: t.db,
        kind: database.name,
        dataDir: t.dataDir,
        config: { logLevel: false },
      });
    });
    afterAll(async () => other?.close());
    const viaOther = (method: "GET" | "POST", url: string, body?: unknown) =>
      other.inject({
        method,
        url,
        headers: { authorization: `Bearer ${t.adminToken}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });

    /** A form published as NOTES, known to the other instance, then republished as NOTES_V2 here. */
    async function republishedBehindOther(): Promise<string> {
      const formId = await publishedForm(t, NOTES);
      const url = `/api/forms/${formId}/records`;
      expect((await viaOther("POST", url, { data: { title: "cached v1", kind: "a" } })).statusCode).toBe(201);
      expect((await t.admin.request("PUT", `/api/forms/${formId}`, NOTES_V2)).statusCode).toBe(200);
      expect((await t.admin.request("POST", `/api/forms/${formId}/publish`)).statusCode).toBe(200);
      return url;
    }

    it("never writes through the old definition it still holds: the insert is refused and retried on the new one", async () => {
      const url = await republishedBehindOther();
      // Valid under both definitions; the other instance prepares it with v1, the database refuses v1.
      const created = await viaOther("POST", url, { data: { title: "after publish" } });
      expect(created.statusCode).toBe(201);
      expect(created.json().data).toEqual({ title: "after publish", kind: null, extra: null });
      const stored = await viaOther("GET", `${url}/${created.json().id}`);
      expect(stored.json().data).toEqual({ title: "after publish", kind: null, extra: null });
    });

    it("accepts data written for the new definition although it validated against the old one first", async () => {
      const url = await republishedBehindOther();
      const created = await viaOther("POST", url, { data: { title: "new shape", kind: ["b"], extra: "x" } });
      expect(created.statusCode).toBe(201);
      expect(created.json().data).toEqual({ title: "new shape", kind: ["b"], extra: "x" });
    });

    it("still answers a real validation error with its pointer", async () => {
      const url = await republishedBehindOther();
      expect(errorOf(await viaOther("POST", url, { data: { nope: 1, title: "x" } }))).toMatchObject({
        status: 422,
        code: "UNKNOWN_FIELD",
        path: "/data/nope",
      });
    });
  });

  describe("Prefer: return=minimal", () => {
    let url: string;
    beforeAll(async () => {
      url = `/api/forms/${await publishedForm(t, { ...NOTES, key: "minimal" })}/records`;
    });
    const minimal = { prefer: "return=minimal" };

    it("answers a create with its id and version only, and says so", async () => {
      const response = await t.admin.request("POST", url, { data: { title: "one" } }, minimal);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ id: expect.any(String), version: 1 });
      expect(response.headers["preference-applied"]).toBe("return=minimal");
      expect(response.headers.etag).toBe('"1"');
      const stored = await t.admin.request("GET", `${url}/${response.json().id}`);
      expect(stored.json().data).toEqual({ title: "one", kind: null });
    });

    it("answers a batch with ids and versions in input order", async () => {
      const bodies = Array.from({ length: 25 }, (_, i) => ({ data: { title: `batch ${i}`, kind: "b" } }));
      const response = await t.admin.request("POST", url, bodies, minimal);
      expect(response.statusCode).toBe(201);
      const records = response.json<{ records: { id: string; version: number }[] }>().records;
      expect(records).toHaveLength(25);
      expect(records.every((r) => Object.keys(r).sort().join() === "id,version" && r.version === 1)).toBe(
        true,
      );
      const last = await t.admin.request("GET", `${url}/${records[24]!.id}`);
      expect(last.json().data.title).toBe("batch 24");
    });

    it("keeps whole records without the header, and validates the same either way", async () => {
      const whole = await t.admin.request("POST", url, { data: { title: "whole" } });
      expect(whole.json()).toMatchObject({ version: 1, data: { title: "whole", kind: null } });
      expect(whole.headers["preference-applied"]).toBeUndefined();
      expect(errorOf(await t.admin.request("POST", url, { data: { kind: "b" } }, minimal))).toMatchObject({
        status: 422,
        path: "/data/title",
      });
    });
  });
});
