// Health, OpenAPI and the apps resource.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";

describe.each(testDatabases())("platform ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  });
  afterAll(async () => t?.close());

  it("answers health without authentication", async () => {
    const response = await t.anonymous.request("GET", "/api/health");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("serves the OpenAPI document and the docs UI", async () => {
    const spec = await t.anonymous.request("GET", "/api/openapi.json");
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(["/api/forms/{form}/records", "/api/apps", "/api/auth/login", "/api/files"]),
    );
    const docs = await t.anonymous.request("GET", "/api/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("creates, lists, renames and deletes apps", async () => {
    const created = await t.admin.request("POST", "/api/apps", { name: " CRM ", description: "customers" });
    expect(created.statusCode).toBe(201);
    const app = created.json();
    expect(app).toMatchObject({ id: expect.any(String), name: "CRM", description: "customers" });

    const listed = await t.admin.request("GET", "/api/apps");
    expect(listed.json().apps.map((a: { id: string }) => a.id)).toContain(app.id);
    const renamed = await t.admin.request("PATCH", `/api/apps/${app.id}`, { name: "Sales" });
    expect(renamed.json().name).toBe("Sales");
    const one = await t.admin.request("GET", `/api/apps/${app.id}`);
    expect(one.json()).toMatchObject({ id: app.id, name: "Sales", forms: [] });

    expect((await t.admin.request("DELETE", `/api/apps/${app.id}`)).statusCode).toBe(204);
    expect(errorOf(await t.admin.request("GET", `/api/apps/${app.id}`))).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
    expect(errorOf(await t.admin.request("PATCH", `/api/apps/${app.id}`, { name: "x" })).status).toBe(404);
    expect(errorOf(await t.admin.request("PATCH", `/api/apps/${app.id}`, {})).status).toBe(422);
  });
});

describe("an unreachable database", () => {
  it("answers 503 SERVICE_UNAVAILABLE with Retry-After and no stack, from health and from any route", async () => {
    const { createDatabase } = await import("@formwork/db");
    const { buildApp } = await import("../src/app");
    // Nothing listens on port 1: every query fails the way a restarting PostgreSQL does.
    const { db, close } = await createDatabase({ url: "postgres://postgres@127.0.0.1:1/none" });
    const app = await buildApp({
      db,
      kind: "postgres",
      dataDir: "/nonexistent",
      config: { logLevel: false },
    });
    try {
      const health = await app.inject({ method: "GET", url: "/api/health" });
      expect(errorOf(health)).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
      const apps = await app.inject({
        method: "GET",
        url: "/api/apps",
        headers: { authorization: `Bearer fw_${"a".repeat(43)}` },
      });
      expect(errorOf(apps)).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
      expect(apps.headers["retry-after"]).toBe("1");
      expect(apps.body).not.toMatch(/\bat \S+:\d+/);
    } finally {
      await app.close();
      await close();
    }
  });
});
