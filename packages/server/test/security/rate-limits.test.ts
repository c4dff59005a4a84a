// Rate limits per API token, per user and per client address: 429 TOO_MANY_REQUESTS with Retry-After,
// counted per key (another token of the same user has its own token budget, not its own user budget).

import { newId } from "@formwork/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config";
import { createApiToken } from "../../src/plugins/auth/credentials-store";
import { serverTestDatabases as testDatabases } from "../databases";
import { errorOf, startTestApp, type TestApp } from "../harness";

describe.each(testDatabases())("rate limits ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database, {
      rateLimits: { perToken: 5, perUser: 8, perIp: 1000, windowSeconds: 60 },
    });
  });
  afterAll(async () => t?.close());

  const get = (token: string, ip = "127.0.0.1") =>
    t.app.inject({
      method: "GET",
      url: "/api/me",
      remoteAddress: ip,
      headers: { authorization: `Bearer ${token}` },
    });

  it("a token over its budget gets 429 with Retry-After; the same user's other token is limited per user", async () => {
    const user = await t.newUser("rl-user@example.com");
    // newUser created the token with its session: one request of the user's budget, none of the token's.
    for (let i = 0; i < 5; i++) expect((await get(user.token)).statusCode).toBe(200);
    const limited = await get(user.token);
    expect(errorOf(limited)).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(60);
    // Second token: its own token budget, but the user has 8 - 7 = 1 left (the refused call counted).
    const other = (await createApiToken(t.db, { id: newId(), userId: user.id, name: "second" })).token;
    expect((await get(other)).statusCode).toBe(200);
    expect((await get(other)).statusCode).toBe(429);
    // Another user is unaffected.
    const bystander = await t.newUser("rl-other@example.com");
    expect((await get(bystander.token)).statusCode).toBe(200);
  });

  it("per client address, anonymous requests included, before authentication", async () => {
    const ip = "203.0.113.9";
    const local = await startTestApp(database, { rateLimits: { perIp: 3, windowSeconds: 60 } });
    try {
      const anonymous = () =>
        local.app.inject({
          method: "GET",
          url: "/api/me",
          remoteAddress: ip,
          headers: { authorization: "Bearer fw_guess" },
        });
      for (let i = 0; i < 3; i++) expect((await anonymous()).statusCode).toBe(401);
      const limited = await anonymous();
      expect(limited.statusCode).toBe(429);
      expect(limited.headers["retry-after"]).toBeDefined();
      // Another address is not limited; X-Forwarded-For is ignored without a trusted proxy.
      const spoofed = await local.app.inject({
        method: "GET",
        url: "/api/me",
        remoteAddress: ip,
        headers: { "x-forwarded-for": "198.51.100.1" },
      });
      expect(spoofed.statusCode).toBe(429);
      const elsewhere = await local.app.inject({
        method: "GET",
        url: "/api/me",
        remoteAddress: "198.51.100.1",
      });
      expect(elsewhere.statusCode).toBe(401);
    } finally {
      await local.close();
    }
  });

  it("trustProxy is a list, never true", () => {
    expect(resolveConfig().trustProxy).toEqual([]);
    expect(() => resolveConfig({ trustProxy: true as unknown as string[] })).toThrow(/never true/);
  });
});
