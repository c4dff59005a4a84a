// Cookie sessions: fixation, CSRF on cookie-authenticated writes, cookie flags, logout, and a disabled
// user's session ending at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../../src/plugins/auth/secret-token";
import { serverTestDatabases as testDatabases } from "../databases";
import { ADMIN, CSRF, errorOf, startTestApp, type TestApp } from "../harness";

describe.each(testDatabases())("security: sessions ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  });
  afterAll(async () => t?.close());

  const login = async (email: string, password: string, cookie?: string) => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { ...CSRF, ...(cookie ? { cookie: `formwork_session=${cookie}` } : {}) },
      payload: { email, password },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.cookies.find((c) => c.name === "formwork_session")!;
  };
  const withCookie = (
    method: "GET" | "POST",
    url: string,
    cookie: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: `formwork_session=${cookie}`, ...headers },
      ...(payload ? { payload } : {}),
    });

  it("a session id planted before login is not the one issued, and is not valid afterwards", async () => {
    const first = await login(ADMIN.email, ADMIN.password);
    const planted = "attacker-chosen-session-id-aaaaaaaaaaaaaaaaaaaa";
    const issued = await login(ADMIN.email, ADMIN.password, planted);
    expect(issued.value).not.toBe(planted);
    expect((await withCookie("GET", "/api/me", planted)).statusCode).toBe(401);
    // A real previous session presented at login is rotated out too.
    const rotated = await login(ADMIN.email, ADMIN.password, first.value);
    expect(rotated.value).not.toBe(first.value);
    expect((await withCookie("GET", "/api/me", first.value)).statusCode).toBe(401);
    const stored = await t.db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", hashSecret(rotated.value))
      .execute();
    expect(stored).toHaveLength(1);
  });

  it("the session cookie is httpOnly and SameSite, and only its hash is stored", async () => {
    const cookie = await login(ADMIN.email, ADMIN.password);
    expect(cookie.httpOnly).toBe(true);
    expect(String(cookie.sameSite).toLowerCase()).toBe("lax");
    const raw = await t.db.selectFrom("sessions").select("id").where("id", "=", cookie.value).execute();
    expect(raw).toEqual([]);
  });

  it("a cookie-authenticated write without the CSRF header is refused and changes nothing", async () => {
    const cookie = await login(ADMIN.email, ADMIN.password);
    const before = await t.db.selectFrom("apps").select("id").execute();
    const refused = await withCookie("POST", "/api/apps", cookie.value, {}, { name: "csrf" });
    expect(errorOf(refused)).toMatchObject({ status: 403, code: "CSRF_FAILED" });
    expect(await t.db.selectFrom("apps").select("id").execute()).toHaveLength(before.length);
    const allowed = await withCookie("POST", "/api/apps", cookie.value, CSRF, { name: "ok" });
    expect(allowed.statusCode).toBe(201);
  });

  it("a cookie-authenticated write from another origin is refused even with the header", async () => {
    const cookie = await login(ADMIN.email, ADMIN.password);
    const crossOrigin = await withCookie(
      "POST",
      "/api/apps",
      cookie.value,
      { ...CSRF, origin: "https://evil.example" },
      { name: "x" },
    );
    expect(errorOf(crossOrigin)).toMatchObject({ status: 403, code: "CSRF_FAILED" });
    const crossSite = await withCookie(
      "POST",
      "/api/apps",
      cookie.value,
      { ...CSRF, "sec-fetch-site": "cross-site" },
      { name: "x" },
    );
    expect(crossSite.statusCode).toBe(403);
    // A wrong double-submit token does not stand in for the header.
    const wrong = await withCookie(
      "POST",
      "/api/apps",
      cookie.value,
      { "x-csrf-token": "guess" },
      { name: "x" },
    );
    expect(wrong.statusCode).toBe(403);
  });

  it("logout ends the session server-side", async () => {
    const cookie = await login(ADMIN.email, ADMIN.password);
    expect((await withCookie("GET", "/api/me", cookie.value)).statusCode).toBe(200);
    expect((await withCookie("POST", "/api/auth/logout", cookie.value, CSRF)).statusCode).toBe(204);
    expect((await withCookie("GET", "/api/me", cookie.value)).statusCode).toBe(401);
  });

  it("a disabled user's session and tokens are refused at once, and they cannot sign in", async () => {
    const user = await t.newUser("sess-disabled@example.com");
    const cookie = await login("sess-disabled@example.com", "user-password-1");
    expect((await withCookie("GET", "/api/me", cookie.value)).statusCode).toBe(200);
    expect((await user.request("GET", "/api/me")).statusCode).toBe(200);
    expect((await t.admin.request("POST", `/api/org/members/${user.id}/disable`)).statusCode).toBe(200);
    expect((await withCookie("GET", "/api/me", cookie.value)).statusCode).toBe(401);
    expect((await user.request("GET", "/api/me")).statusCode).toBe(401);
    const again = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: CSRF,
      payload: { email: "sess-disabled@example.com", password: "user-password-1" },
    });
    expect(errorOf(again)).toMatchObject({ status: 401, code: "INVALID_CREDENTIALS" });
  });

  it("wrong passwords are throttled per email with Retry-After", async () => {
    await t.newUser("sess-throttle@example.com");
    const attempt = () =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: CSRF,
        payload: { email: "sess-throttle@example.com", password: "wrong-password" },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });
});
