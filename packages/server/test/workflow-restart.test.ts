// Durability of the workflow across process deaths, on PostgreSQL with real server processes:
// - a server killed with SIGKILL in the middle of a stream of submissions and approvals, then started
//   again: clients retry with their Idempotency-Keys; no instance is left stuck, none moved twice;
// - 1,000 deadline timers that fell due while no server ran: two servers started afterwards fire each
//   of them exactly once.
import { randomUUID } from "node:crypto";
import { type InstanceState, invariantViolations } from "@formwork/engine";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/database";
import { createUser } from "../src/plugins/users/users-store";
import { findStuckInstances } from "../src/plugins/workflow/timers";
import { serverTestDatabases } from "./databases";
import { httpCaller, tokenFor } from "./faults/http-caller";
import { ServerProcess } from "./faults/server-process";
import { sleep, until } from "./faults/wait";
import type { Caller, TestApp } from "./harness";
import { ADMIN } from "./harness";
import { flowForm, oneApproval, type Person, twoApprovals } from "./workflow-fixtures";

const postgres = serverTestDatabases().find((d) => d.name === "postgres");
const PASSWORD = "user-password-1";

interface World {
  db: Db;
  url: string;
  close(): Promise<void>;
  base: { url: string };
  admin: Caller;
  people: Record<"rep" | "manager" | "director", Person>;
}

async function world(): Promise<World> {
  const database = (await postgres!.create()) as { db: Db; url: string; close(): Promise<void> };
  await createUser(database.db, { ...ADMIN, isAdmin: true });
  const base = { url: "" };
  const people = {} as World["people"];
  for (const name of ["rep", "manager", "director"] as const) {
    const user = await createUser(database.db, { email: `${name}@example.com`, name, password: PASSWORD });
    people[name] = { id: user.id, token: "", request: undefined as never };
  }
  return {
    ...database,
    base,
    admin: undefined as never,
    people,
    // tokens are made once the first server listens (see signIn)
    close: () => database.close(),
  };
}

async function signIn(w: World, server: ServerProcess): Promise<void> {
  w.base.url = server.url;
  const base = () => w.base.url;
  w.admin = httpCaller(base, await tokenFor(server.url, ADMIN.email, ADMIN.password));
  for (const [name, person] of Object.entries(w.people)) {
    const token = await tokenFor(server.url, `${name}@example.com`, PASSWORD);
    Object.assign(person, { token, ...httpCaller(base, token) });
  }
}

/** Requests that failed because the server died under them (and were retried). */
let interrupted = 0;

/** A request that survives the server dying under it: network failures and 503s are retried. */
async function retrying(caller: Caller, ...args: Parameters<Caller["request"]>) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await caller.request(...args);
      if (response.statusCode !== 503) return response;
    } catch {
      // connection refused or reset: the server is down or restarting
      interrupted++;
    }
    if (attempt > 400) throw new Error(`gave up on ${args[0]} ${args[1]}`);
    await sleep(100);
  }
}

async function instanceRows(db: Db, formId: string) {
  const { rows } = await sql<{
    id: string;
    record_id: string;
    status: string;
    revision: number;
    state: InstanceState;
  }>`
    SELECT id, record_id, status, revision, state FROM flow_instances WHERE form_id = ${formId}::uuid`.execute(
    db as Db,
  );
  return rows;
}

async function eventsPer(db: Db, formId: string, key: "task_id" | "instance_id", action: string) {
  const { rows } = await sql<{ key: string; n: number }>`
    SELECT e.${sql.raw(key)} AS key, count(*)::int AS n FROM flow_events e
    JOIN flow_instances i ON i.id = e.instance_id
    WHERE i.form_id = ${formId}::uuid AND e.action = ${action} GROUP BY 1`.execute(db);
  return rows;
}

describe.skipIf(!postgres)("workflow across server deaths (postgres)", () => {
  const servers: ServerProcess[] = [];
  const start = async (url: string, timers: boolean) => {
    const server = await ServerProcess.start(url, { timers, pollMs: 200 });
    servers.push(server);
    return server;
  };
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await w?.close();
  });

  it("SIGKILL in the middle of a stream of transitions: after a restart none is stuck, none moved twice", {
    timeout: 300_000,
  }, async () => {
    await signIn(w, await start(w.url, true));
    const { rep, manager, director } = w.people;
    const formId = await flowForm(
      { admin: w.admin } as TestApp,
      twoApprovals({ assignees: [{ user: manager.id }] }, { assignees: [{ user: director.id }] }),
    );
    const submitted = new Set<string>();
    let acknowledged = 0;
    let running = true;

    const submitter = (async () => {
      for (let i = 0; running && i < 400; i++) {
        const response = await retrying(
          rep,
          "POST",
          `/api/forms/${formId}/records`,
          { data: { title: `Q ${i}` } },
          {
            "idempotency-key": `submit-${i}`,
          },
        );
        expect(response.statusCode).toBe(201);
        submitted.add(response.json().id);
      }
    })();
    const approver = (person: Person) =>
      (async () => {
        while (running) {
          const todo = await retrying(person, "GET", "/api/tasks?box=todo&limit=20");
          const tasks: string[] = todo.json().items.map((i: { taskId: string }) => i.taskId);
          if (tasks.length === 0) {
            await sleep(50);
            continue;
          }
          await Promise.all(
            tasks.map(async (taskId) => {
              const response = await retrying(
                person,
                "POST",
                `/api/tasks/${taskId}/actions`,
                { action: "approve" },
                {
                  "idempotency-key": `approve-${taskId}`,
                },
              );
              // 409: another round of this loop already approved it (and was answered) before this one listed it.
              expect([200, 409]).toContain(response.statusCode);
              if (response.statusCode === 200) acknowledged++;
            }),
          );
        }
      })();
    const workers = [approver(manager), approver(director)];

    await until("the stream to get going", () => acknowledged >= 40 && submitted.size >= 40, 90_000);
    await servers[0]!.kill();
    await sleep(300);
    w.base.url = (await start(w.url, true)).url;
    const killedAt = acknowledged;
    await until("the stream to go on after the restart", () => acknowledged >= killedAt + 40, 90_000);
    running = false;
    await submitter;
    // Everything submitted gets approved to the end.
    running = true;
    const drain = [approver(manager), approver(director)];
    await until(
      "every instance to finish",
      async () => (await instanceRows(w.db, formId)).every((i) => i.status === "completed"),
      120_000,
    );
    running = false;
    await Promise.all([...workers, ...drain]);

    const instances = await instanceRows(w.db, formId);
    expect(instances.map((i) => i.record_id).sort()).toEqual([...submitted].sort());
    expect(instances.filter((i) => i.status !== "completed" || i.revision !== 3)).toEqual([]);
    expect(instances.flatMap((i) => invariantViolations(i.state))).toEqual([]);
    expect((await eventsPer(w.db, formId, "task_id", "approve")).filter((r) => r.n !== 1)).toEqual([]);
    expect((await eventsPer(w.db, formId, "instance_id", "approve")).filter((r) => r.n !== 2)).toEqual([]);
    expect((await eventsPer(w.db, formId, "instance_id", "finish")).length).toBe(instances.length);
    expect(await findStuckInstances(w.db, false)).toEqual([]);
    // The kill really cut requests off mid-flight (they were retried with their keys).
    expect(interrupted).toBeGreaterThan(0);
    const { rows: records } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM flow_instances WHERE form_id = ${formId}::uuid`.execute(w.db);
    expect(records[0]!.n).toBe(submitted.size);
  });

  it("1,000 timers due while no server ran fire exactly once when two servers start", {
    timeout: 300_000,
  }, async () => {
    const first = await start(w.url, false);
    w.base.url = first.url;
    const { rep, manager } = w.people;
    const formId = await flowForm(
      { admin: w.admin } as TestApp,
      // biome-ignore lint/suspicious/noThenProperty: the flow schema's deadline action, not a thenable.
      oneApproval(manager.id, { deadline: { after: "PT2S", then: "approve" } }),
    );
    const batch = Array.from({ length: 1000 }, (_, i) => ({ data: { title: `T ${i} ${randomUUID()}` } }));
    const created = await rep.request("POST", `/api/forms/${formId}/records`, batch);
    expect(created.statusCode).toBe(201);
    await first.kill();
    await until(
      "every timer to fall due",
      async () => {
        const { rows } = await sql<{ late: boolean }>`
          SELECT max(due_at) < now() AS late FROM flow_timers t JOIN flow_instances i ON i.id = t.instance_id
          WHERE i.form_id = ${formId}::uuid`.execute(w.db);
        return rows[0]?.late === true;
      },
      30_000,
    );
    const [a, b] = await Promise.all([start(w.url, true), start(w.url, true)]);
    w.base.url = a!.url;
    await until(
      "every timer to fire",
      async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM flow_timers t JOIN flow_instances i ON i.id = t.instance_id
          WHERE i.form_id = ${formId}::uuid AND t.status = 'pending'`.execute(w.db);
        return rows[0]!.n === 0;
      },
      120_000,
    );
    await sleep(500);
    const { rows: timers } = await sql<{ status: string; n: number }>`
      SELECT t.status, count(*)::int AS n FROM flow_timers t JOIN flow_instances i ON i.id = t.instance_id
      WHERE i.form_id = ${formId}::uuid GROUP BY t.status`.execute(w.db);
    expect(timers).toEqual([{ status: "fired", n: 1000 }]);
    const instances = await instanceRows(w.db, formId);
    expect(instances).toHaveLength(1000);
    expect(instances.filter((i) => i.status !== "completed" || i.revision !== 2)).toEqual([]);
    const passes = await eventsPer(w.db, formId, "instance_id", "autoPass");
    expect(passes).toHaveLength(1000);
    expect(passes.filter((r) => r.n !== 1)).toEqual([]);
    expect(await eventsPer(w.db, formId, "instance_id", "timerFailed")).toEqual([]);
    await Promise.all([a!.kill(), b!.kill()]);
  });
});
