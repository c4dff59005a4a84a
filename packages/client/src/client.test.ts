import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { createClient } from "./client";
import { empty, fakeFetch, json } from "./fake-fetch.test-helper";

const record = {
  id: "r1",
  version: 3,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  createdBy: "u1",
  ownerId: "u1",
  flowStatus: null,
  data: { qty: 2 },
};

describe("createClient", () => {
  it("logs in, reads the session and logs out", async () => {
    const session = { user: { id: "u1", email: "a@b.c", name: "A", isAdmin: true }, csrfToken: "t" };
    const { fetch, seen } = fakeFetch(json(200, session), json(200, session), empty());
    const client = createClient({ fetch });
    await expect(client.auth.login({ email: "a@b.c", password: "pw" })).resolves.toEqual(session);
    await expect(client.auth.me()).resolves.toEqual(session);
    await client.auth.logout();
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /api/auth/login",
      "GET /api/me",
      "POST /api/auth/logout",
    ]);
    expect(seen[0]?.body).toEqual({ email: "a@b.c", password: "pw" });
  });

  it("unwraps the app list and addresses one app by its encoded id", async () => {
    const app = { id: "a/1", name: "CRM" };
    const { fetch, seen } = fakeFetch(
      json(200, { apps: [app] }),
      json(200, { ...app, forms: [] }),
      json(200, app),
      empty(),
    );
    const client = createClient({ fetch });
    await expect(client.apps.list()).resolves.toEqual([app]);
    await expect(client.apps.get("a/1")).resolves.toMatchObject({ forms: [] });
    await client.apps.update("a/1", { name: "CRM 2" });
    await client.apps.remove("a/1");
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/apps",
      "GET /api/apps/a%2F1",
      "PATCH /api/apps/a%2F1",
      "DELETE /api/apps/a%2F1",
    ]);
  });

  it("creates, saves and publishes a form", async () => {
    const definition = { key: "quotes", name: "Quotes", fields: [] };
    const { fetch, seen } = fakeFetch(
      json(201, { id: "f1", key: "quotes" }),
      json(200, {}),
      json(200, { version: 1 }),
    );
    const client = createClient({ fetch });
    await expect(client.forms.create("a1", definition)).resolves.toMatchObject({ id: "f1" });
    await client.forms.saveDraft("f1", definition);
    await expect(client.forms.publish("f1")).resolves.toEqual({ version: 1 });
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /api/apps/a1/forms",
      "PUT /api/forms/f1",
      "POST /api/forms/f1/publish",
    ]);
  });

  it("encodes a record query: filter as JSON, sort with - for descending, field list", async () => {
    const page = { records: [record], count: { value: 1, exact: true }, nextCursor: null };
    const { fetch, seen } = fakeFetch(json(200, page));
    const result = await createClient({ fetch }).records.query("f1", {
      filter: { ">": [{ var: "qty" }, 1] },
      sort: [
        { field: "qty", direction: "desc" },
        { field: "$createdAt", direction: "asc" },
      ],
      limit: 20,
      fields: ["qty", "name"],
      q: "",
    });
    expect(result).toEqual(page);
    const url = new URL(seen[0]!.url, "http://x");
    expect(url.pathname).toBe("/api/forms/f1/records");
    expect(JSON.parse(url.searchParams.get("filter")!)).toEqual({ ">": [{ var: "qty" }, 1] });
    expect(url.searchParams.get("sort")).toBe("-qty,$createdAt");
    expect(url.searchParams.get("limit")).toBe("20");
    expect(url.searchParams.get("fields")).toBe("qty,name");
    expect(url.searchParams.has("q")).toBe(false);
  });

  it("sends If-Match on update and an idempotency key on create", async () => {
    const { fetch, seen } = fakeFetch(json(201, record), json(200, { ...record, version: 4 }));
    const client = createClient({ fetch });
    await client.records.create("f1", { qty: 2 }, { idempotencyKey: "k1" });
    await client.records.update("f1", "r1", { qty: 3 }, 3);
    expect(seen[0]).toMatchObject({ body: { data: { qty: 2 } }, headers: { "idempotency-key": "k1" } });
    expect(seen[1]).toMatchObject({
      method: "PATCH",
      url: "/api/forms/f1/records/r1",
      body: { data: { qty: 3 } },
      headers: { "if-match": '"3"' },
    });
  });

  it("bulk-edits in one PATCH and turns each refused record's error into an ApiError", async () => {
    const { fetch, seen } = fakeFetch(
      json(200, {
        updated: [{ id: "r1", version: 4 }],
        failed: [{ id: "r2", status: 409, error: { code: "RECORD_IN_FLOW", message: "in a flow" } }],
      }),
    );
    const outcome = await createClient({ fetch }).records.updateMany("f1", { ids: ["r1", "r2"] }, { qty: 1 });
    expect(seen[0]).toMatchObject({
      method: "PATCH",
      url: "/api/forms/f1/records",
      body: { ids: ["r1", "r2"], data: { qty: 1 } },
    });
    expect(outcome.updated).toEqual([{ id: "r1", version: 4 }]);
    expect(outcome.failed[0]).toMatchObject({ id: "r2", error: { code: "RECORD_IN_FLOW", status: 409 } });
    expect(outcome.failed[0]?.error).toBeInstanceOf(ApiError);
  });

  it("names the draft's and the menu's revision in If-Match", async () => {
    const { fetch, seen } = fakeFetch(json(200, {}), json(200, {}), json(200, { menu: [], menuRevision: 5 }));
    const client = createClient({ fetch });
    await client.forms.saveDraft("f1", { key: "a", name: "A", fields: [] }, 7);
    await client.forms.saveDraft("f1", { key: "a", name: "A", fields: [] });
    await client.apps.saveMenu(
      "a1",
      [{ type: "group", id: "g", name: "G", items: [{ type: "form", form: "f1" }] }],
      4,
    );
    expect(seen[0]).toMatchObject({ method: "PUT", url: "/api/forms/f1", headers: { "if-match": '"7"' } });
    expect(seen[1]?.headers["if-match"]).toBeUndefined();
    expect(seen[2]).toMatchObject({
      method: "PUT",
      url: "/api/apps/a1/menu",
      body: { menu: [{ type: "group", id: "g", name: "G", items: [{ type: "form", form: "f1" }] }] },
      headers: { "if-match": '"4"' },
    });
  });

  it("surfaces a 412 on a stale update as VERSION_CONFLICT", async () => {
    const { fetch } = fakeFetch(json(412, { error: { code: "VERSION_CONFLICT", message: "changed" } }));
    await expect(createClient({ fetch }).records.update("f1", "r1", {}, 1)).rejects.toMatchObject({
      code: "VERSION_CONFLICT",
      status: 412,
    });
  });

  it("creates a batch, deletes, restores, purges and reads the history", async () => {
    const revisions = [{ id: "v1", version: 1, action: "create", actor: "u1", at: "t", diff: {} }];
    const { fetch, seen } = fakeFetch(
      json(201, { records: [record, record] }),
      json(200, record),
      json(200, record),
      empty(),
      json(200, { revisions }),
    );
    const client = createClient({ fetch });
    await expect(client.records.createMany("f1", [{ qty: 1 }, { qty: 2 }])).resolves.toHaveLength(2);
    await client.records.remove("f1", "r1", 3);
    await client.records.restore("f1", "r1");
    await client.records.purge("f1", "r1");
    await expect(client.records.history("f1", "r1")).resolves.toEqual(revisions);
    expect(seen[0]?.body).toEqual([{ data: { qty: 1 } }, { data: { qty: 2 } }]);
    expect(seen[1]?.headers["if-match"]).toBe('"3"');
    expect(seen.slice(2).map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /api/forms/f1/records/r1/restore",
      "DELETE /api/forms/f1/records/r1?purge=true",
      "GET /api/forms/f1/records/r1/history",
    ]);
  });

  it("lists published versions and reads one", async () => {
    const info = { version: 2, createdAt: "t", createdBy: "u1" };
    const { fetch, seen } = fakeFetch(
      json(200, { versions: [info] }),
      json(200, { ...info, definition: { key: "q", name: "Q", fields: [] } }),
    );
    const client = createClient({ fetch });
    await expect(client.forms.versions("f1")).resolves.toEqual([info]);
    await expect(client.forms.version("f1", 2)).resolves.toMatchObject({
      version: 2,
      definition: { key: "q" },
    });
    expect(seen.map((r) => r.url)).toEqual(["/api/forms/f1/versions", "/api/forms/f1/versions/2"]);
  });

  it("lists and creates users, and manages API tokens", async () => {
    const { fetch, seen } = fakeFetch(
      json(200, { users: [] }),
      json(201, { id: "u2" }),
      json(200, { tokens: [] }),
      json(201, { id: "t1", token: "fw_x" }),
      empty(),
    );
    const client = createClient({ fetch });
    await client.users.list({ limit: 20, offset: 40 });
    await client.users.create({ email: "b@c.d", name: "B", password: "long-enough-pw" });
    await client.tokens.list();
    await expect(client.tokens.create({ name: "ci" })).resolves.toMatchObject({ token: "fw_x" });
    await client.tokens.revoke("t1");
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/users?limit=20&offset=40",
      "POST /api/users",
      "GET /api/tokens",
      "POST /api/tokens",
      "DELETE /api/tokens/t1",
    ]);
  });

  it("reaches the organisation endpoints, repeating array query keys", async () => {
    const { fetch, seen } = fakeFetch(
      json(200, { total: 0, members: [] }),
      json(200, { departments: [{ id: "d1" }] }),
      json(200, { id: "d1" }),
      empty(),
      json(200, { groups: [] }),
      empty(),
      json(201, { token: "t", path: "/invite", expiresAt: "x" }),
      json(200, { id: "u 2" }),
    );
    const client = createClient({ fetch });
    await client.org.members.list({
      q: "王",
      departmentId: "d1",
      includeSub: true,
      ids: ["a", "b"],
      limit: 20,
    });
    await expect(client.org.departments.list()).resolves.toEqual([{ id: "d1" }]);
    await client.org.departments.update("d1", { parentId: null });
    await client.org.departments.removeMember("d1", "u1");
    await client.org.roles.groups();
    await client.org.roles.addMembers("r1", ["u1"]);
    await client.org.members.invite("u 2");
    await client.org.members.setPassword("u 2", "password-123");
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/org/members?q=%E7%8E%8B&departmentId=d1&includeSub=true&ids=a&ids=b&limit=20",
      "GET /api/org/departments",
      "PATCH /api/org/departments/d1",
      "DELETE /api/org/departments/d1/members/u1",
      "GET /api/org/role-groups",
      "POST /api/org/roles/r1/members",
      "POST /api/org/members/u%202/invite",
      "POST /api/org/members/u%202/password",
    ]);
  });

  it("gives the download address of a file under the base URL", () => {
    expect(createClient({ baseUrl: "https://forms.example.com/" }).files.url("f 1")).toBe(
      "https://forms.example.com/api/files/f%201",
    );
    expect(createClient().files.url("abc")).toBe("/api/files/abc");
  });

  it("uploads a file as multipart form data", async () => {
    const { fetch, seen } = fakeFetch(json(201, { id: "file1", name: "a.png" }));
    await createClient({ fetch }).files.upload(new Blob(["x"], { type: "image/png" }), "a.png");
    const body = seen[0]?.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get("file") as File).name).toBe("a.png");
  });

  it("posts an aggregation and builds the export address with the list's query spelling", async () => {
    const result = { rows: [{ g0: "north", m0: 2 }], truncated: false };
    const { fetch, seen } = fakeFetch(json(200, result));
    const client = createClient({ fetch, baseUrl: "https://x.test/" });
    const request = { groupBy: [{ field: "region" }], measures: [{ op: "count" as const }] };
    await expect(client.analytics.aggregate("f/1", request)).resolves.toEqual(result);
    expect(seen[0]?.url).toBe("https://x.test/api/forms/f%2F1/aggregate");
    expect(seen[0]?.body).toEqual(request);
    const url = client.analytics.exportUrl("f1", {
      format: "xlsx",
      filter: { "==": [{ var: "region" }, "north"] },
      sort: [{ field: "amount", direction: "desc" }],
      fields: ["region", "amount"],
    });
    const parsed = new URL(url);
    expect(parsed.pathname).toBe("/api/forms/f1/export");
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      format: "xlsx",
      filter: '{"==":[{"var":"region"},"north"]}',
      sort: "-amount",
      fields: "region,amount",
    });
  });
});
