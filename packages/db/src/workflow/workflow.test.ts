import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFormRow, quotes } from "../../test/fixtures";
import { newId } from "../ids";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import { inTransaction } from "../transaction";
import { inboxCounts, listInbox } from "./inbox";
import {
  completeTask,
  lockFreeInstances,
  lockInstanceOfTask,
  readTaskInstances,
  tasksOfActiveRuns,
} from "./instances";
import { claimDueTimers, msUntilNextTimer } from "./timers";
import { latestFlowVersion, saveFlowVersion } from "./versions";
import { applyStepsIfUnchanged, applyWrites, emptyWrites, type WorkflowWrites } from "./writes";

const flow = { nodes: [{ id: "start", type: "start" }], edges: [] };

describe.each(testDatabases())("workflow tables on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  let formId: string;
  let versionId: string;
  const alice = newId();
  const bob = newId();
  beforeAll(async () => {
    ({ db, close } = await create());
    formId = await createFormRow(db, quotes);
    await db
      .insertInto("users")
      .values([
        { id: alice, email: "alice@example.com", name: "Alice Wang", password_hash: "" },
        { id: bob, email: "bob@example.com", name: "Bob Li", password_hash: "" },
      ])
      .execute();
    versionId = (await saveFlowVersion(db, { formId, formVersion: 1, definition: flow, actorId: null }))
      .version.id;
  });
  afterAll(() => close());

  /** An instance started by alice with one pending approval task for `assignee`. */
  async function started(
    title: string,
    assignee: string,
    at = new Date(),
  ): Promise<{ id: string; task: string }> {
    const id = newId();
    const w: WorkflowWrites = emptyWrites();
    w.newInstances.push({ id, flowVersionId: versionId, formId, recordId: newId(), initiator: alice, title });
    w.instances.push({ id, state: { id, seq: 1 }, status: "running", revision: 1 });
    w.newNodeRuns.push({
      id: `${id}:v1`,
      instanceId: id,
      nodeId: "manager",
      kind: "approval",
      visit: 1,
      startedAt: at,
    });
    w.newTasks.push({
      id: `${id}:t1`,
      instanceId: id,
      nodeRunId: `${id}:v1`,
      nodeId: "manager",
      kind: "approval",
      assignee,
      origin: "rule",
      status: "pending",
      formId,
      recordId: newId(),
      createdAt: at,
      dueAt: null,
    });
    w.events.push({
      instanceId: id,
      revision: 1,
      action: "start",
      nodeId: "start",
      nodeRunId: null,
      taskId: null,
      actor: alice,
      data: { comment: 'it\'s "quoted"' },
      at,
    });
    w.outbox.push({ instanceId: id, topic: "notify.task", payload: { users: [assignee] } });
    await inTransaction(db, (tx) => applyWrites(tx, w));
    return { id, task: `${id}:t1` };
  }

  it("rewrites a running instance's row on its page (HOT): no indexed column changes, and the page has room", async () => {
    const instances: { id: string; task: string }[] = [];
    for (let i = 0; i < 5; i++) instances.push(await started(`hot ${i}`, bob));
    // Counted inside the transaction (pg_stat_xact_*: this transaction's own, not yet reported, counts).
    const counts = await inTransaction(db, async (tx) => {
      const w = emptyWrites();
      for (const { id } of instances)
        w.instances.push({ id, state: { id, seq: 2, note: "reminded" }, status: "running", revision: 2 });
      await applyWrites(tx, w);
      const { rows } = await sql<{ updated: number; hot: number }>`
        SELECT n_tup_upd::int AS updated, n_tup_hot_upd::int AS hot FROM pg_stat_xact_user_tables
        WHERE relname = 'flow_instances'`.execute(tx);
      return rows[0];
    });
    expect(counts).toEqual({ updated: 5, hot: 5 });
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM flow_instances WHERE id = ANY(${instances.map((i) => i.id)}::uuid[])
        AND revision = 2 AND state->>'note' = 'reminded'`.execute(db);
    expect(rows[0]?.n).toBe(5);
  });

  it("writes an optimistic step once: a step from a revision that moved, or for a task no longer pending, writes nothing", async () => {
    const { id, task } = await started("QT-0002 optimistic", bob);
    const read = await readTaskInstances(db, [task, `${id}:t9`]);
    expect(read.get(task)).toMatchObject({
      instance: { id, revision: 1 },
      task: { status: "pending", assignee: bob },
    });
    expect(read.has(`${id}:t9`)).toBe(false);
    /** What bob's approval stepped from revision `from` writes: the instance, the task, an event, a notification. */
    const step = (from: number, comment: string) => {
      const w = emptyWrites();
      w.instances.push({ id, state: { comment }, status: "completed", revision: from + 1 });
      w.tasks.push({ id: task, status: "done", action: "approve", comment });
      w.nodeRuns.push({ id: `${id}:v1`, status: "completed", outcome: "approved" });
      w.events.push({
        instanceId: id,
        revision: from + 1,
        action: "approve",
        nodeId: "manager",
        nodeRunId: `${id}:v1`,
        taskId: task,
        actor: bob,
        data: { comment },
        at: new Date(),
      });
      w.outbox.push({ instanceId: id, topic: "flow.finished", payload: { users: [alice], instanceId: id } });
      return w;
    };
    // Someone else's task: the holder check refuses it even at the right revision.
    expect(
      await applyStepsIfUnchanged(db, [{ writes: step(1, "alice"), task: { id: task, assignee: alice } }]),
    ).toEqual([false]);
    expect(
      await applyStepsIfUnchanged(db, [{ writes: step(1, "first"), task: { id: task, assignee: bob } }]),
    ).toEqual([true]);
    // Two more steps from what was read: the revision moved (and the task is done), so neither writes.
    expect(
      await applyStepsIfUnchanged(db, [{ writes: step(1, "second"), task: { id: task, assignee: bob } }]),
    ).toEqual([false]);
    expect(
      await applyStepsIfUnchanged(db, [{ writes: step(2, "third"), task: { id: task, assignee: bob } }]),
    ).toEqual([false]);
    const { rows } = await sql<{
      state: unknown;
      revision: number;
      comment: string;
      run: string;
      events: number;
      notes: number;
    }>`
      SELECT i.state, i.revision, t.comment, r.status AS run,
        (SELECT count(*)::int FROM flow_events e WHERE e.instance_id = i.id AND e.action = 'approve') AS events,
        (SELECT count(*)::int FROM notifications n WHERE n.user_id = ${alice}::uuid
           AND n.payload->>'instanceId' = ${id}) AS notes
      FROM flow_instances i JOIN flow_tasks t ON t.id = ${task} JOIN flow_node_runs r ON r.id = ${`${id}:v1`}
      WHERE i.id = ${id}::uuid`.execute(db);
    expect(rows[0]).toEqual({
      state: { comment: "first" },
      revision: 2,
      comment: "first",
      run: "completed",
      events: 1,
      notes: 1,
    });
  });

  it("writes the steps of several instances in one statement, all of them or none when one moved", async () => {
    const a = await started("QT-0003 batch", bob);
    const b = await started("QT-0004 batch", bob);
    const approve = ({ id, task }: { id: string; task: string }, from: number) => {
      const writes = emptyWrites();
      writes.instances.push({ id, state: { from }, status: "completed", revision: from + 1 });
      writes.tasks.push({ id: task, status: "done", action: "approve" });
      writes.outbox.push({
        instanceId: id,
        topic: "flow.finished",
        payload: { users: [alice], instanceId: id },
      });
      return { writes, task: { id: task, assignee: bob } };
    };
    // b's step is from a revision b never had: a's held, b's did not, and neither was written.
    expect(await applyStepsIfUnchanged(db, [approve(a, 1), approve(b, 5)])).toEqual([true, false]);
    const state = () =>
      db
        .selectFrom("flow_instances as i")
        .innerJoin("flow_tasks as t", "t.instance_id", "i.id")
        .select(["i.id", "i.revision", "t.status"])
        .where("i.id", "in", [a.id, b.id])
        .orderBy("i.title")
        .execute();
    expect(await state()).toEqual([
      { id: a.id, revision: 1, status: "pending" },
      { id: b.id, revision: 1, status: "pending" },
    ]);
    expect(await applyStepsIfUnchanged(db, [approve(a, 1), approve(b, 1)])).toEqual([true, true]);
    expect(await state()).toEqual([
      { id: a.id, revision: 2, status: "done" },
      { id: b.id, revision: 2, status: "done" },
    ]);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications
      WHERE user_id = ${alice}::uuid AND payload->>'instanceId' IN (${a.id}, ${b.id})`.execute(db);
    expect(rows[0]?.n).toBe(2);
  });

  it("freezes a flow version only when the flow changed (jsonb equality, key order ignored)", async () => {
    const reordered = { edges: [], nodes: [{ type: "start", id: "start" }] };
    const same = await saveFlowVersion(db, { formId, formVersion: 2, definition: reordered, actorId: null });
    expect(same).toMatchObject({ created: false, version: { version: 1, formVersion: 1 } });
    const changed = { ...flow, nodes: [...flow.nodes, { id: "end", type: "end" }] };
    const next = await saveFlowVersion(db, { formId, formVersion: 3, definition: changed, actorId: null });
    expect(next).toMatchObject({ created: true, version: { version: 2, formVersion: 3 } });
    expect((await latestFlowVersion(db, formId))?.id).toBe(next.version.id);
  });

  it("writes a whole transition and completes a task only once, only by its assignee", async () => {
    const { id, task } = await started("QT-0001 pens", bob);
    const stored = await db
      .selectFrom("flow_events")
      .select(["action", "data"])
      .where("instance_id", "=", id)
      .execute();
    expect(stored).toEqual([{ action: "start", data: { comment: 'it\'s "quoted"' } }]);
    expect((await tasksOfActiveRuns(db, [id])).map((t) => t.id)).toEqual([task]);

    const byAlice = await inTransaction(db, async (tx) => {
      await lockInstanceOfTask(tx, task);
      return completeTask(tx, {
        taskId: task,
        assignee: alice,
        action: "approve",
        comment: null,
        signature: null,
      });
    });
    expect(byAlice).toBeNull();
    const first = await inTransaction(db, async (tx) => {
      const locked = await lockInstanceOfTask(tx, task);
      expect(locked).toMatchObject({ id, status: "running", revision: 1 });
      expect(locked!.now).toBeInstanceOf(Date);
      return completeTask(tx, {
        taskId: task,
        assignee: bob,
        action: "approve",
        comment: "ok",
        signature: { fileId: "f" },
      });
    });
    expect(first).toMatchObject({ id: task, status: "done", action: "approve", comment: "ok" });
    const second = await completeTask(db, {
      taskId: task,
      assignee: bob,
      action: "approve",
      comment: null,
      signature: null,
    });
    expect(second).toBeNull();

    const w = emptyWrites();
    w.instances.push({ id, state: { done: true }, status: "completed", revision: 2 });
    w.nodeRuns.push({ id: `${id}:v1`, status: "completed", outcome: "passed" });
    await applyWrites(db, w);
    const row = await db
      .selectFrom("flow_instances")
      .select(["status", "revision", "finished_at", "state"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "completed", revision: 2, state: { done: true } });
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(await tasksOfActiveRuns(db, [id])).toEqual([]);
  });

  it("updates and cancels tasks and timers in bulk", async () => {
    const { id, task } = await started("QT-0002", bob);
    const w = emptyWrites();
    w.tasks.push({ id: task, status: "pending", assignee: alice });
    w.newTimers.push(
      {
        id: `${id}:m1`,
        instanceId: id,
        nodeRunId: `${id}:v1`,
        kind: "remind",
        dueAt: new Date(Date.now() - 1000),
      },
      {
        id: `${id}:m2`,
        instanceId: id,
        nodeRunId: `${id}:v1`,
        kind: "auto-approve",
        dueAt: new Date(Date.now() + 3_600_000),
      },
    );
    await applyWrites(db, w);
    expect(
      (await db.selectFrom("flow_tasks").select("assignee").where("id", "=", task).executeTakeFirstOrThrow())
        .assignee,
    ).toBe(alice);

    const claimed = await inTransaction(db, (tx) => claimDueTimers(tx, 10));
    expect(claimed.map((t) => t.id)).toContain(`${id}:m1`);
    expect(claimed.map((t) => t.id)).not.toContain(`${id}:m2`);
    const after = emptyWrites();
    after.firedTimers.push(`${id}:m1`);
    after.cancelTimers.push(`${id}:m2`);
    await applyWrites(db, after);
    const timers = await db
      .selectFrom("flow_timers")
      .select(["id", "status"])
      .where("instance_id", "=", id)
      .orderBy("id")
      .execute();
    expect(timers).toEqual([
      { id: `${id}:m1`, status: "fired" },
      { id: `${id}:m2`, status: "cancelled" },
    ]);
  });

  it("lists inboxes with counts, search and keyset pages", async () => {
    const carol = newId();
    await db
      .insertInto("users")
      .values({ id: carol, email: "carol@example.com", name: "Carol", password_hash: "" })
      .execute();
    const base = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await started(`Contract ${i} 合同`, carol, new Date(base + i * 1000));
    const first = await listInbox(db, { userId: carol, box: "todo", limit: 2 });
    expect(first.items.map((i) => i.title)).toEqual(["Contract 4 合同", "Contract 3 合同"]);
    expect(first.counts).toMatchObject({ todo: 5, done: 0, cc: 0 });
    expect(first.items[0]).toMatchObject({
      initiator: { id: alice, name: "Alice Wang" },
      nodeIds: ["manager"],
    });
    const rest = [];
    for (let cursor = first.nextCursor; cursor; ) {
      const page = await listInbox(db, { userId: carol, box: "todo", limit: 2, cursor });
      rest.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(["Contract 2 合同", "Contract 1 合同", "Contract 0 合同"]);
    expect((await listInbox(db, { userId: carol, box: "todo", search: "t 3 合" })).items).toHaveLength(1);
    expect((await listInbox(db, { userId: carol, box: "todo", search: "alice" })).items).toHaveLength(5);
    expect((await listInbox(db, { userId: carol, box: "todo", search: "%" })).items).toHaveLength(0);
    const initiated = await listInbox(db, { userId: alice, box: "initiated", limit: 100 });
    expect(initiated.items.length).toBe((await inboxCounts(db, alice)).initiated);
    expect(initiated.items.find((i) => i.title === "Contract 0 合同")?.nodeIds).toEqual(["manager"]);
  });

  it("leaves the flows of a deleted form out of every inbox and count", async () => {
    const dave = newId();
    await db
      .insertInto("users")
      .values({ id: dave, email: "dave@example.com", name: "Dave", password_hash: "" })
      .execute();
    await started("Deleted with its form", dave);
    expect((await inboxCounts(db, dave)).todo).toBe(1);
    const rollback = new Error("rollback");
    await expect(
      db.transaction().execute(async (tx) => {
        const initiatedBefore = (await inboxCounts(tx, alice)).initiated;
        await sql`UPDATE forms SET deleted_at = now() WHERE id = ${formId}::uuid`.execute(tx);
        expect(await inboxCounts(tx, dave)).toMatchObject({ todo: 0 });
        expect((await listInbox(tx, { userId: dave, box: "todo" })).items).toEqual([]);
        expect((await listInbox(tx, { userId: alice, box: "initiated" })).items).toEqual([]);
        expect(initiatedBefore).toBeGreaterThan(0);
        expect((await inboxCounts(tx, alice)).initiated).toBe(0);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await listInbox(db, { userId: dave, box: "todo" })).items).toHaveLength(1);
  });

  it("has no wait when no timer is pending (null, not 0: the poller would spin)", async () => {
    const rollback = new Error("rollback");
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`DELETE FROM flow_timers`.execute(tx);
        expect(await msUntilNextTimer(tx)).toBeNull();
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it("hands a due timer to one claimer at a time (SKIP LOCKED) and locks only free instances", async () => {
    const { id } = await started("timers", bob);
    const w = emptyWrites();
    w.newTimers.push({
      id: `${id}:m9`,
      instanceId: id,
      nodeRunId: `${id}:v1`,
      kind: "remind",
      dueAt: new Date(0),
    });
    await applyWrites(db, w);
    expect(await msUntilNextTimer(db)).toBe(0);
    const locked = await lockFreeInstances(db, [id]);
    expect(locked.map((l) => l.id)).toEqual([id]);
  });
});
