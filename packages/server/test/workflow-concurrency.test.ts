// Exactly-once transitions under concurrent clicks, on PostgreSQL (real concurrency: a pool of 20
// connections; PGlite has one connection and serialises everything). The instance row lock plus the
// conditional task completion must let exactly one of many simultaneous approvals through.
import { type InstanceState, invariantViolations } from "@formwork/engine";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { startTestApp, type TestApp } from "./harness";
import { act, flowForm, type Person, submit, taskFor } from "./workflow-fixtures";

const postgres = serverTestDatabases().find((d) => d.name === "postgres");

/** How many times each kind of event was logged for the instance of `recordId`. */
async function eventCounts(t: TestApp, recordId: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ action: string; n: number }>`
    SELECT e.action, count(*)::int AS n FROM flow_events e JOIN flow_instances i ON i.id = e.instance_id
    WHERE i.record_id = ${recordId}::uuid GROUP BY e.action`.execute(t.db);
  return Object.fromEntries(rows.map((r) => [r.action, r.n]));
}

async function instanceOf(t: TestApp, recordId: string) {
  const { rows } = await sql<{ status: string; revision: number; state: InstanceState }>`
    SELECT status, revision, state FROM flow_instances WHERE record_id = ${recordId}::uuid`.execute(t.db);
  return rows[0]!;
}

describe.skipIf(!postgres)("concurrent workflow commands (postgres)", () => {
  let t: TestApp;
  let rep: Person;
  let approvers: Person[];
  beforeAll(async () => {
    t = await startTestApp(postgres!, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    approvers = [];
    for (let i = 0; i < 5; i++) approvers.push(await t.newUser(`approver${i}@example.com`));
  });
  afterAll(() => t.close());

  const node = (mode: string, people: Person[]) => ({
    nodes: [
      { id: "start", type: "start" },
      { id: "sign", type: "approval", assignees: people.map((p) => ({ user: p.id })), mode },
      { id: "end", type: "end" },
    ],
    edges: [
      { id: "e1", source: "start", target: "sign" },
      { id: "e2", source: "sign", target: "end" },
    ],
  });

  it("20 concurrent approvals of one task: exactly one transition and 19 × 409", async () => {
    const [manager] = approvers as [Person];
    const formId = await flowForm(t, node("any", [manager]) as never);
    const record = await submit(rep, formId);
    const taskId = await taskFor(manager, record.id);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        act(manager, taskId, { action: "approve", comment: `click ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error.details[0].code).toBe("TASK_NOT_PENDING");
    expect(await eventCounts(t, record.id)).toMatchObject({ start: 1, approve: 1, finish: 1 });
    const instance = await instanceOf(t, record.id);
    expect(instance).toMatchObject({ status: "completed", revision: 2 });
    expect(invariantViolations(instance.state)).toEqual([]);
  });

  it("concurrent approvals of a countersign node by its approvers: the node completes exactly once", async () => {
    const formId = await flowForm(t, node("all", approvers) as never);
    for (let round = 0; round < 3; round++) {
      const record = await submit(rep, formId);
      const tasks = await Promise.all(approvers.map((p) => taskFor(p, record.id)));
      const answers = await Promise.all(approvers.map((p, i) => act(p, tasks[i]!, { action: "approve" })));
      expect(answers.map((a) => a.statusCode)).toEqual(approvers.map(() => 200));
      expect(answers.filter((a) => a.json().status === "completed")).toHaveLength(1);
      const runs = await sql<{ node_id: string; status: string }>`
        SELECT r.node_id, r.status FROM flow_node_runs r JOIN flow_instances i ON i.id = r.instance_id
        WHERE i.record_id = ${record.id}::uuid ORDER BY r.started_at`.execute(t.db);
      expect(runs.rows.filter((r) => r.node_id === "sign")).toEqual([
        { node_id: "sign", status: "completed" },
      ]);
      expect(runs.rows.filter((r) => r.node_id === "end")).toHaveLength(1);
      expect(await eventCounts(t, record.id)).toMatchObject({ approve: 5, finish: 1 });
      const instance = await instanceOf(t, record.id);
      expect(instance).toMatchObject({ status: "completed", revision: 6 });
      expect(invariantViolations(instance.state)).toEqual([]);
    }
  });

  it("concurrent approvals of an any-one node: one passes it, the others find their tasks closed (409)", async () => {
    const formId = await flowForm(t, node("any", approvers) as never);
    const record = await submit(rep, formId);
    const tasks = await Promise.all(approvers.map((p) => taskFor(p, record.id)));
    const answers = await Promise.all(approvers.map((p, i) => act(p, tasks[i]!, { action: "approve" })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await eventCounts(t, record.id)).toMatchObject({ approve: 1, finish: 1 });
    const rows = await sql<{ status: string; n: number }>`
      SELECT t.status, count(*)::int AS n FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id
      WHERE i.record_id = ${record.id}::uuid GROUP BY t.status ORDER BY t.status`.execute(t.db);
    expect(rows.rows).toEqual([
      { status: "cancelled", n: 4 },
      { status: "done", n: 1 },
    ]);
  });
});
