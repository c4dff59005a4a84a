// PostgreSQL going away under load: requests answer 503 (never 500) while it is down, the server
// recovers by itself when it is back, and every write it acknowledged is in the database.
import { createDatabase } from "@formwork/db";
import type { TestDatabase } from "@formwork/db/testing";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { createUser } from "../src/plugins/users/users-store";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { ADMIN, CSRF, type TestApp } from "./harness";
import { TcpProxy } from "./tcp-proxy";

const postgres = testDatabases().find((d) => d.name === "postgres");

describe.skipIf(!postgres)("database outage (postgres)", () => {
  it("answers 503 while PostgreSQL is unreachable and recovers without a restart, losing no acknowledged write", async () => {
    const direct = (await postgres!.create()) as Awaited<ReturnType<TestDatabase["create"]>> & {
      url: string;
    };
    const target = new URL(direct.url);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const proxied = new URL(target);
    proxied.port = String(proxy.port);
    const { db, close } = await createDatabase({ url: proxied.toString(), poolSize: 5 });
    const app = await buildApp({
      db,
      kind: "postgres",
      dataDir: "/nonexistent",
      config: { logLevel: false },
    });
    try {
      await createUser(db, { ...ADMIN, isAdmin: true });
      const login = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: CSRF,
        payload: { email: ADMIN.email, password: ADMIN.password },
      });
      const token = (
        await app.inject({
          method: "POST",
          url: "/api/tokens",
          headers: { ...CSRF, cookie: `formwork_session=${login.cookies[0]!.value}` },
          payload: { name: "load" },
        })
      ).json().token as string;
      const caller = {
        request: (method: "GET" | "POST", url: string, body?: unknown) =>
          app.inject({
            method,
            url,
            headers: { authorization: `Bearer ${token}` },
            ...(body ? { payload: body as object } : {}),
          }),
      };
      const formId = await publishedForm({ admin: caller } as unknown as TestApp);

      const acknowledged: string[] = [];
      const statuses = new Map<number, number>();
      let running = true;
      const load = (async () => {
        for (let i = 0; running; i++) {
          const response = await caller.request("POST", `/api/forms/${formId}/records`, {
            data: { title: `load ${i}` },
          });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode === 201) acknowledged.push(response.json().id);
          else await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();

      await new Promise((resolve) => setTimeout(resolve, 500));
      await proxy.stop();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const down = await caller.request("GET", "/api/health");
      expect(down.statusCode).toBe(503);
      await proxy.start();
      let healthy = false;
      for (let i = 0; i < 50 && !healthy; i++) {
        healthy = (await caller.request("GET", "/api/health")).statusCode === 200;
        if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      running = false;
      await load;

      expect(healthy).toBe(true);
      expect(statuses.get(500) ?? 0).toBe(0);
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
      expect([...statuses.keys()].every((status) => status === 201 || status === 503)).toBe(true);
      const stored = await caller.request("GET", `/api/forms/${formId}/records?limit=1000&fields=title`);
      const ids = new Set(stored.json().records.map((r: { id: string }) => r.id));
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      await app.close();
      await close();
      await proxy.stop();
      await direct.close();
    }
  });
});
