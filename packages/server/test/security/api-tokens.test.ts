// API token scopes: a read token cannot write, an app-limited token cannot reach another app (nor routes
// that name no app), tokens are shown once and stored hashed, revocation and disabling bite at once,
// last use is recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../../src/plugins/auth/secret-token";
import { serverTestDatabases as testDatabases } from "../databases";
import { errorOf, startTestApp, type TestApp } from "../harness";
import { dealsForm } from "../permissions-fixtures";

describe.each(testDatabases())("API tokens ($name)", (database) => {
  let t: TestApp;
  let a: { formId: string; appId: string };
  let b: { formId: string; appId: string };
  let recordA: string;
  let recordB: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    a = await dealsForm(t, "tok_a");
    b = await dealsForm(t, "tok_b");
    recordA = (
      await t.admin.request("POST", `/api/forms/${a.formId}/records`, { data: { title: "A" } })
    ).json().id;
    recordB = (
      await t.admin.request("POST", `/api/forms/${b.formId}/records`, { data: { title: "B" } })
    ).json().id;
  });
  afterAll(async () => t?.close());

  const bearer = (token: string) => ({
    request: (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  });
  const mint = async (body: Record<string, unknown>) => {
    const created = await t.admin.request("POST", "/api/tokens", { name: "scoped", ...body });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string; token: string; scope: string; appIds: string[] | null }>();
  };

  it("is shown once and stored only as its hash", async () => {
    const created = await mint({ scope: "read" });
    expect(created.token).toMatch(/^fw_[A-Za-z0-9_-]{43}$/);
    expect(created.scope).toBe("read");
    const row = await t.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const listed = (await t.admin.request("GET", "/api/tokens")).json().tokens as Record<string, unknown>[];
    expect(listed.find((x) => x.id === created.id)).not.toHaveProperty("token");
  });

  it("a read token may read but not create, update or delete", async () => {
    const { token } = await mint({ scope: "read" });
    const reader = bearer(token);
    expect((await reader.request("GET", `/api/forms/${a.formId}/records`)).statusCode).toBe(200);
    const url = `/api/forms/${a.formId}/records`;
    expect(errorOf(await reader.request("POST", url, { data: { title: "x" } }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    expect((await reader.request("PATCH", `${url}/${recordA}`, { data: { title: "y" } })).statusCode).toBe(
      403,
    );
    expect((await reader.request("DELETE", `${url}/${recordA}`)).statusCode).toBe(403);
    expect((await reader.request("POST", "/api/tokens", { name: "wider" })).statusCode).toBe(403);
    const count = await t.db
      .selectFrom("api_tokens")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeLessThan(10);
  });

  it("an app-limited token reaches its app's forms, records and views but nothing of another app", async () => {
    const { token } = await mint({ scope: "write", appIds: [a.appId] });
    const scoped = bearer(token);
    expect((await scoped.request("GET", `/api/forms/${a.formId}/records/${recordA}`)).statusCode).toBe(200);
    expect((await scoped.request("GET", `/api/apps/${a.appId}`)).statusCode).toBe(200);
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/forms/${a.formId}/records/${recordA}`,
      headers: { authorization: `Bearer ${token}`, "if-match": "1" },
      payload: { data: { stage: "won" } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    for (const url of [
      `/api/forms/${b.formId}/records/${recordB}`,
      `/api/forms/${b.formId}/records`,
      `/api/forms/${b.formId}`,
      `/api/apps/${b.appId}`,
      `/api/forms/${b.formId}/views`,
    ]) {
      expect(errorOf(await scoped.request("GET", url)), url).toMatchObject({
        status: 403,
        code: "FORBIDDEN",
      });
    }
    expect((await scoped.request("DELETE", `/api/forms/${b.formId}/records/${recordB}`)).statusCode).toBe(
      403,
    );
    expect(
      (await t.admin.request("GET", `/api/forms/${b.formId}/records/${recordB}`)).json().data.title,
    ).toBe("B");
  });

  it("an app-limited token is refused on routes that name no app (organisation, users, inbox)", async () => {
    const { token } = await mint({ appIds: [a.appId] });
    const scoped = bearer(token);
    for (const url of ["/api/org/members", "/api/users", "/api/tasks", "/api/apps", "/api/tokens"]) {
      expect((await scoped.request("GET", url)).statusCode, url).toBe(403);
    }
    expect((await scoped.request("GET", "/api/me")).statusCode).toBe(200);
    // A record id of another form, under this app's form in the URL, is still not found.
    expect((await scoped.request("GET", `/api/forms/${a.formId}/records/${recordB}`)).statusCode).toBe(404);
  });

  it("a revoked token is refused at once, and a disabled user's tokens too", async () => {
    const { id, token } = await mint({});
    expect((await bearer(token).request("GET", "/api/me")).statusCode).toBe(200);
    expect((await t.admin.request("DELETE", `/api/tokens/${id}`)).statusCode).toBe(204);
    expect(errorOf(await bearer(token).request("GET", "/api/me"))).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
    });
    const user = await t.newUser("tok-disabled@example.com");
    expect((await user.request("GET", "/api/me")).statusCode).toBe(200);
    const disabled = await t.admin.request("POST", `/api/org/members/${user.id}/disable`);
    expect(disabled.statusCode, disabled.body).toBeLessThan(300);
    expect((await user.request("GET", "/api/me")).statusCode).toBe(401);
  });

  it("records when a token was last used", async () => {
    const { id, token } = await mint({});
    const before = (await t.admin.request("GET", "/api/tokens"))
      .json()
      .tokens.find((x: { id: string }) => x.id === id);
    expect(before.lastUsedAt).toBeNull();
    await bearer(token).request("GET", "/api/me");
    await expect
      .poll(
        async () =>
          (await t.admin.request("GET", "/api/tokens")).json().tokens.find((x: { id: string }) => x.id === id)
            .lastUsedAt,
      )
      .not.toBeNull();
  });

  it("refuses a token scoped to a malformed app list", async () => {
    expect(
      errorOf(await t.admin.request("POST", "/api/tokens", { name: "x", appIds: ["nope"] })).status,
    ).toBe(422);
    expect(errorOf(await t.admin.request("POST", "/api/tokens", { name: "x", scope: "admin" })).status).toBe(
      422,
    );
  });
});
