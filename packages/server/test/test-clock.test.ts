// The test clock: POST /api/test/clock exists only with config.testClock (FORMWORK_TEST_CLOCK=1), only
// for system admins, only moves forward, and runs the automations that became due. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";

describe.each(testDatabases())("test clock ($name)", (database) => {
  let t: TestApp;
  let off: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database, { testClock: true, automations: { enabled: false } });
    off = await startTestApp(database, { automations: { enabled: false } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await off?.close();
  });

  it("is absent unless the server runs in test-clock mode", async () => {
    expect((await off.admin.request("POST", "/api/test/clock", { days: 1 })).statusCode).toBe(404);
    expect(off.app.clock.offset).toBe(0);
  });

  it("moves the clock forward for admins only, and runs what became due", async () => {
    const user = await t.newUser(`clock-${database.name}@example.com`);
    expect(errorOf(await user.request("POST", "/api/test/clock", { days: 1 })).status).toBe(403);
    expect(errorOf(await t.admin.request("POST", "/api/test/clock", { days: -1 }))).toMatchObject({
      status: 422,
      path: "/days",
    });
    const appId = (await t.admin.request("POST", "/api/apps", { name: "时钟" })).json().id;
    const form = (
      await t.admin.request("POST", `/api/apps/${appId}/forms`, {
        key: "notes",
        name: "记录",
        fields: [{ id: "title", type: "text", label: "标题" }],
      })
    ).json();
    await t.admin.request("POST", `/api/forms/${form.id}/publish`);
    const saved = await t.admin.request("POST", `/api/apps/${appId}/automations`, {
      definition: {
        id: "daily",
        name: "每日",
        form: "notes",
        trigger: { type: "schedule", frequency: "daily", time: "09:00" },
        actions: [{ type: "createRecord", form: "notes", fields: { title: 'TEXT(TODAY(), "yyyy-MM-dd")' } }],
      },
      enabled: true,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const before = Date.now();
    const moved = await t.admin.request("POST", "/api/test/clock", { days: 2 });
    expect(moved.statusCode, moved.body).toBe(200);
    const body = moved.json<{ now: string; offsetMs: number; ran: number }>();
    expect(body.offsetMs).toBe(2 * 86_400_000);
    expect(Date.parse(body.now) - before).toBeGreaterThanOrEqual(2 * 86_400_000);
    // Two days of missed schedules run once (the next run is computed from the new now).
    expect(body.ran).toBe(1);
    const records = (await t.admin.request("GET", `/api/forms/${form.id}/records`)).json().records;
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(body.now));
    expect(records.map((r: { data: { title: string } }) => r.data.title)).toEqual([day]);
  });
});
