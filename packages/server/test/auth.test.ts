// Sessions, CSRF, throttling, API tokens and the admin-only user endpoints.

import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { ADMIN, CSRF, errorOf, startTestApp, type TestApp } from "./harness";

const sessionOf = (response: LightMyRequestResponse) =>
  response.cookies.find((c) => c.name === "formwork_session");

describe.each(testDatabases())("auth ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database, {
      loginThrottle: { maxFailuresPerEmail: 3, maxFailuresPerIp: 8, windowSeconds: 600 },
    });
  });
  afterAll(async () => t?.close());

  const login = (email: string, password: string, headers: Record<string, string> = CSRF, ip = "10.0.0.1") =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers,
      payload: { email, password },
      remoteAddress: ip,
    });

  it("logs in with an httpOnly SameSite=Lax cookie, reads /api/me, logs out", async () => {
    const response = await login(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(response.statusCode).toBe(200);
    const cookie = sessionOf(response)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie.value.length).toBeGreaterThanOrEqual(43);
    // Only the hash is stored.
    const stored = await t.db.selectFrom("sessions").select("id").execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);

    const headers = { cookie: `formwork_session=${cookie.value}` };
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers });
    expect(me.json()).toMatchObject({
      user: { email: ADMIN.email, isAdmin: true },
      csrfToken: expect.any(String),
    });

    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...headers, ...CSRF },
    });
    expect(out.statusCode).toBe(204);
    expect(errorOf(await t.app.inject({ method: "GET", url: "/api/me", headers }))).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
    });
  });

  it("rotates the session at login so a planted id never becomes authenticated", async () => {
    const first = sessionOf(await login(ADMIN.email, ADMIN.password))!.value;
    const second = await login(ADMIN.email, ADMIN.password, { ...CSRF, cookie: `formwork_session=${first}` });
    expect(sessionOf(second)!.value).not.toBe(first);
    const old = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: `formwork_session=${first}` },
    });
    expect(old.statusCode).toBe(401);
  });

  it("refuses wrong passwords and unknown emails alike", async () => {
    const wrong = await login(ADMIN.email, "not-the-password", CSRF, "10.0.0.2");
    const unknown = await login("nobody@example.com", "whatever-pass", CSRF, "10.0.0.2");
    expect(errorOf(wrong)).toMatchObject({ status: 401, code: "INVALID_CREDENTIALS" });
    expect(unknown.json()).toEqual(wrong.json());
    await t.db.deleteFrom("login_attempts").execute();
  });

  it("requires the CSRF header on cookie-authenticated writes and refuses foreign origins", async () => {
    expect(errorOf(await login(ADMIN.email, ADMIN.password, {}))).toMatchObject({
      status: 403,
      code: "CSRF_FAILED",
    });
    const cookie = `formwork_session=${sessionOf(await login(ADMIN.email, ADMIN.password))!.value}`;
    const create = (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: "/api/apps",
        headers: { cookie, ...headers },
        payload: { name: "CSRF" },
      });
    expect(errorOf(await create({}))).toMatchObject({ status: 403, code: "CSRF_FAILED" });
    expect(errorOf(await create({ ...CSRF, origin: "https://evil.example" }))).toMatchObject({
      status: 403,
      code: "CSRF_FAILED",
    });
    expect(errorOf(await create({ ...CSRF, "sec-fetch-site": "cross-site" }))).toMatchObject({
      status: 403,
      code: "CSRF_FAILED",
    });
    expect((await create({ ...CSRF, origin: "http://localhost:80" })).statusCode).toBe(201);
    // The double-submit token works instead of the header.
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect((await create({ "x-csrf-token": me.json().csrfToken })).statusCode).toBe(201);
    expect((await create({ "x-csrf-token": "forged" })).statusCode).toBe(403);
    // Safe methods need nothing; bearer tokens are not subject to CSRF.
    expect((await t.app.inject({ method: "GET", url: "/api/apps", headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect((await t.admin.request("POST", "/api/apps", { name: "via token" })).statusCode).toBe(201);
  });

  it("throttles failed logins per email with 429 and Retry-After, counted in the database", async () => {
    await t.db.deleteFrom("login_attempts").execute();
    for (let i = 0; i < 3; i++)
      expect((await login(ADMIN.email, "bad-password!", CSRF, `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login(ADMIN.email, ADMIN.password, CSRF, "10.1.0.9");
    expect(errorOf(blocked)).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS" });
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(blocked.headers["retry-after"])).toBeLessThanOrEqual(600);
    await t.db.deleteFrom("login_attempts").execute();
    expect((await login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  });

  it("throttles failed logins per client address across emails", async () => {
    await t.db.deleteFrom("login_attempts").execute();
    for (let i = 0; i < 8; i++) await login(`user${i}@example.com`, "bad-password!", CSRF, "10.2.0.1");
    expect(errorOf(await login(ADMIN.email, ADMIN.password, CSRF, "10.2.0.1")).status).toBe(429);
    expect((await login(ADMIN.email, ADMIN.password, CSRF, "10.2.0.2")).statusCode).toBe(200);
    await t.db.deleteFrom("login_attempts").execute();
  });

  it("issues API tokens shown once, stored hashed, revocable", async () => {
    const created = await t.admin.request("POST", "/api/tokens", { name: "ci" });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();
    expect(token).toMatch(/^fw_[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.selectFrom("api_tokens").select("token_hash").execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);

    const me = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().user.email).toBe(ADMIN.email);
    const listed = await t.admin.request("GET", "/api/tokens");
    expect(JSON.stringify(listed.json())).not.toContain(token);
    // The last use is recorded off the request's path (bookkeeping must not slow or fail it): wait for it.
    await vi.waitFor(
      async () => {
        const again = await t.admin.request("GET", "/api/tokens");
        const used = again.json().tokens.find((k: { id: string }) => k.id === id);
        expect(used.lastUsedAt).toEqual(expect.any(String));
      },
      { timeout: 10_000, interval: 50 },
    );

    expect((await t.admin.request("DELETE", `/api/tokens/${id}`)).statusCode).toBe(204);
    const after = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(errorOf(after)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect((await t.admin.request("DELETE", `/api/tokens/${id}`)).statusCode).toBe(404);
    const garbage = await t.app.inject({
      method: "GET",
      url: "/api/apps",
      headers: { authorization: "Bearer fw_nope" },
    });
    expect(garbage.statusCode).toBe(401);
  });

  it("lets only admins create and list users; emails are unique", async () => {
    const created = await t.admin.request("POST", "/api/users", {
      email: "Ann@Example.com",
      name: "Ann",
      password: "ann-password",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: expect.any(String),
      email: "ann@example.com",
      name: "Ann",
      isAdmin: false,
    });
    expect(created.json()).not.toHaveProperty("password_hash");
    const again = await t.admin.request("POST", "/api/users", {
      email: "ann@example.com",
      name: "Ann 2",
      password: "ann-password",
    });
    expect(errorOf(again)).toMatchObject({ status: 409, code: "CONFLICT", path: "/email" });
    const short = await t.admin.request("POST", "/api/users", {
      email: "bo@example.com",
      name: "Bo",
      password: "short",
    });
    expect(errorOf(short)).toMatchObject({ status: 422, path: "/password" });

    const list = await t.admin.request("GET", "/api/users");
    expect(list.json().users.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([ADMIN.email, "ann@example.com"]),
    );

    const user = await t.newUser("plain@example.com");
    expect(errorOf(await user.request("GET", "/api/users"))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    expect(errorOf(await user.request("POST", "/api/apps", { name: "nope" }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    expect(errorOf(await t.anonymous.request("GET", "/api/apps"))).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
    });
  });
});
