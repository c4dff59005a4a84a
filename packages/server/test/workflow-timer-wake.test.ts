// A timer that falls due sooner than the pollers sleep wakes them (migration 0026's NOTIFY, heard in
// every process; PGlite in-process): with a one-minute poll interval, a deadline moved to 300 ms from
// now by hand — outside the server, as another process would — still fires within seconds.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { startTestApp, type TestApp } from "./harness";
import { flowForm, oneApproval, type Person, submit } from "./workflow-fixtures";

describe.each(serverTestDatabases())("timer wake-up ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let manager: Person;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { pollMs: 60_000 } });
    rep = await t.newUser("rep@example.com");
    manager = await t.newUser("manager@example.com");
  });
  afterAll(() => t.close());

  const pending = async (recordId: string) =>
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM flow_timers m
        JOIN flow_instances i ON i.id = m.instance_id
        WHERE i.record_id = ${recordId}::uuid AND m.status = 'pending'`.execute(t.db)
    ).rows[0]!.n;

  it("fires a timer moved due sooner than the pollers' next look", async () => {
    const formId = await flowForm(
      t,
      // biome-ignore lint/suspicious/noThenProperty: the flow schema's deadline action, not a thenable.
      oneApproval(manager.id, { deadline: { after: "PT1H", then: "approve" } }),
    );
    const record = await submit(rep, formId);
    expect(await pending(record.id)).toBe(1);
    // Let the pollers look (nothing due) and go to sleep for their minute.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await sql`UPDATE flow_timers m SET due_at = now() + interval '300 milliseconds'
      FROM flow_instances i WHERE i.id = m.instance_id AND i.record_id = ${record.id}::uuid
        AND m.status = 'pending'`.execute(t.db);
    const moved = Date.now();
    while ((await pending(record.id)) > 0 && Date.now() - moved < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await pending(record.id)).toBe(0);
    expect(Date.now() - moved).toBeLessThan(15_000);
    const status = (await rep.request("GET", `/api/forms/${formId}/records/${record.id}`)).json().flowStatus;
    expect(status).toBe("completed");
  });
});
