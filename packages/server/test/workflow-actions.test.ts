// Every task and instance action over HTTP (PGlite and PostgreSQL): return, transfer, add signer,
// withdraw, urge, cc, batch approve, admin changes, Idempotency-Key replays, and deadlines fired by the
// timer path.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";
import {
  act,
  flowForm,
  flowOf,
  inbox,
  oneApproval,
  type Person,
  submit,
  taskFor,
  twoApprovals,
} from "./workflow-fixtures";

describe.each(serverTestDatabases())("workflow actions ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let manager: Person;
  let director: Person;
  let other: Person;
  let twoStep: string;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    manager = await t.newUser("manager@example.com");
    director = await t.newUser("director@example.com");
    other = await t.newUser("other@example.com");
    twoStep = await flowForm(
      t,
      twoApprovals({ assignees: [{ user: manager.id }] }, { assignees: [{ user: director.id }] }),
    );
  });
  afterAll(() => t.close());

  const status = async (formId: string, recordId: string) =>
    (await rep.request("GET", `/api/forms/${formId}/records/${recordId}`)).json().flowStatus;

  it("returns to an earlier node, which runs again, then on through the later one", async () => {
    const record = await submit(rep, twoStep);
    await act(manager, await taskFor(manager, record.id), { action: "approve" });
    const directorTask = await taskFor(director, record.id);
    const view = await director.request("GET", `/api/tasks/${directorTask}`);
    expect(view.json().node.returnTargets.map((n: { id: string }) => n.id)).toEqual(["a", "start"]);
    // The form's app: the task page reads its forms' ids to show the record's links by title.
    const formRow = await t.db
      .selectFrom("forms")
      .select("app_id")
      .where("id", "=", twoStep)
      .executeTakeFirst();
    expect(view.json().form).toMatchObject({ id: twoStep, appId: formRow!.app_id });
    const returned = await act(director, directorTask, { action: "return", target: "a", comment: "再看看" });
    expect(returned.statusCode).toBe(200);
    const again = await taskFor(manager, record.id);
    expect(again).not.toBe(directorTask);
    await act(manager, again, { action: "approve" });
    await act(director, await taskFor(director, record.id), { action: "approve" });
    expect(await status(twoStep, record.id)).toBe("completed");
    const flow = await flowOf(rep, twoStep, record.id);
    expect(flow.chart.nodes.find((n) => n.id === "a")).toMatchObject({ state: "done", visits: 2 });
    expect(flow.log.map((e) => e.action)).toContain("return");
  });

  it("returns to the initiator, who resubmits", async () => {
    const record = await submit(rep, twoStep);
    await act(manager, await taskFor(manager, record.id), { action: "return", target: "start" });
    const fill = await taskFor(rep, record.id);
    const view = (await rep.request("GET", `/api/tasks/${fill}`)).json();
    expect(view.node).toMatchObject({ id: "start", actions: ["submit"] });
    expect((await act(rep, fill, { action: "submit", fieldEdits: { title: "Pens v2" } })).statusCode).toBe(
      200,
    );
    expect((await rep.request("GET", `/api/forms/${twoStep}/records/${record.id}`)).json().data.title).toBe(
      "Pens v2",
    );
    expect(await taskFor(manager, record.id)).toBeTruthy();
  });

  it("refuses a return to a node that is not behind it", async () => {
    const record = await submit(rep, twoStep);
    const task = await taskFor(manager, record.id);
    const response = await act(manager, task, { action: "return", target: "b" });
    expect(errorOf(response)).toMatchObject({ status: 422, path: "/target" });
    expect(response.json().error.details[0].code).toBe("RETURN_TARGET_INVALID");
  });

  it("transfers a task: the new holder has it, the old one sees it done as a transfer", async () => {
    const record = await submit(rep, twoStep);
    const task = await taskFor(manager, record.id);
    expect(errorOf(await act(manager, task, { action: "transfer", users: [manager.id] }))).toMatchObject({
      status: 422,
    });
    expect(
      (await act(manager, task, { action: "transfer", users: [other.id], comment: "你来" })).statusCode,
    ).toBe(200);
    const moved = await taskFor(other, record.id);
    expect((await inbox(manager, "done")).items.find((i) => i.taskId === task)?.action).toBe("transfer");
    await act(other, moved, { action: "approve" });
    expect(await taskFor(director, record.id)).toBeTruthy();
  });

  it("adds a signer before: they act first, then the task comes back", async () => {
    const record = await submit(rep, twoStep);
    const task = await taskFor(manager, record.id);
    await act(manager, task, { action: "addSigner", users: [other.id], position: "before" });
    await act(other, await taskFor(other, record.id), { action: "approve" });
    await act(manager, await taskFor(manager, record.id), { action: "approve" });
    expect(await taskFor(director, record.id)).toBeTruthy();
  });

  it("adds a parallel signer: the holder keeps the task, both must approve", async () => {
    const record = await submit(rep, twoStep);
    const task = await taskFor(manager, record.id);
    await act(manager, task, { action: "addSigner", users: [other.id], position: "parallel" });
    expect(await taskFor(manager, record.id)).toBe(task);
    await act(manager, task, { action: "approve" });
    await expect(taskFor(director, record.id)).rejects.toThrow();
    await act(other, await taskFor(other, record.id), { action: "approve" });
    expect(await taskFor(director, record.id)).toBeTruthy();
  });

  it("lets the initiator withdraw until somebody acts, and urge", async () => {
    const record = await submit(rep, twoStep);
    const instanceId = (await flowOf(rep, twoStep, record.id)).instance.id;
    const urge = await rep.request("POST", `/api/flow-instances/${instanceId}/actions`, { action: "urge" });
    expect(urge.statusCode).toBe(200);
    // The urge reaches the current assignee as a notification, written with the urge's transition.
    const urged = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications
      WHERE user_id = ${manager.id}::uuid AND kind = 'urge' AND payload->>'instanceId' = ${instanceId}`.execute(
      t.db,
    );
    expect(urged.rows[0]!.n).toBe(1);
    expect(
      errorOf(
        await manager.request("POST", `/api/flow-instances/${instanceId}/actions`, { action: "withdraw" }),
      ),
    ).toMatchObject({ status: 403 });
    const withdrawn = await rep.request("POST", `/api/flow-instances/${instanceId}/actions`, {
      action: "withdraw",
    });
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn" });
    expect((await inbox(manager)).items.some((i) => i.recordId === record.id)).toBe(false);

    const acted = await submit(rep, twoStep);
    await act(manager, await taskFor(manager, acted.id), { action: "approve" });
    const late = await rep.request(
      "POST",
      `/api/flow-instances/${(await flowOf(rep, twoStep, acted.id)).instance.id}/actions`,
      {
        action: "withdraw",
      },
    );
    expect(errorOf(late)).toMatchObject({ status: 409 });
    expect(late.json().error.details[0].code).toBe("WITHDRAW_NOT_ALLOWED");
  });

  it("copies to a CC node's people, who find it in their cc box and mark it read", async () => {
    const formId = await flowForm(t, {
      nodes: [
        { id: "start", type: "start" },
        { id: "copy", type: "cc", assignees: [{ user: other.id }] },
        { id: "manager", type: "approval", assignees: [{ user: manager.id }], mode: "any" },
        { id: "end", type: "end" },
      ],
      edges: [
        { id: "e1", source: "start", target: "copy" },
        { id: "e2", source: "copy", target: "manager" },
        { id: "e3", source: "manager", target: "end" },
      ],
    });
    const record = await submit(rep, formId);
    const cc = await inbox(other, "cc");
    const item = cc.items.find((i) => i.recordId === record.id)!;
    expect(cc.counts.ccUnread).toBeGreaterThanOrEqual(1);
    expect((await other.request("POST", `/api/tasks/${item.taskId}/read`)).statusCode).toBe(204);
    expect((await inbox(other, "cc")).counts.ccUnread).toBe((cc.counts.ccUnread ?? 0) - 1);
    expect((await other.request("GET", `/api/tasks/${item.taskId}`)).json().node.actions).toEqual([]);
  });

  it("batch-approves, answering per task", async () => {
    const first = await submit(rep, twoStep);
    const second = await submit(rep, twoStep);
    const a = await taskFor(manager, first.id);
    const b = await taskFor(manager, second.id);
    await act(manager, a, { action: "approve" });
    const batch = await manager.request("POST", "/api/tasks/actions", {
      tasks: [a, b],
      action: "approve",
      comment: "批量",
    });
    expect(batch.statusCode).toBe(200);
    const results = batch.json().results;
    expect(results[0]).toMatchObject({ taskId: a, ok: false, status: 409, error: { code: "CONFLICT" } });
    expect(results[1]).toMatchObject({ taskId: b, ok: true, status: 200, instanceStatus: "running" });
  });

  it("replays an action retried with the same Idempotency-Key instead of refusing it", async () => {
    const record = await submit(rep, twoStep);
    const task = await taskFor(manager, record.id);
    const headers = { "idempotency-key": `approve-${task}` };
    const first = await act(manager, task, { action: "approve" }, headers);
    const retry = await act(manager, task, { action: "approve" }, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    expect((await flowOf(rep, twoStep, record.id)).instance.revision).toBe(first.json().revision);
  });

  it("lets an admin change the assignee, end and reactivate", async () => {
    const record = await submit(rep, twoStep);
    const instanceId = (await flowOf(rep, twoStep, record.id)).instance.id;
    const task = await taskFor(manager, record.id);
    const adminUrl = `/api/flow-instances/${instanceId}/admin`;
    expect(errorOf(await manager.request("POST", adminUrl, { action: "end" }))).toMatchObject({
      status: 403,
    });
    const changed = await t.admin.request("POST", adminUrl, {
      action: "changeAssignee",
      task,
      user: other.id,
    });
    expect(changed.statusCode).toBe(200);
    expect(await taskFor(other, record.id)).toBeTruthy();
    expect((await t.admin.request("POST", adminUrl, { action: "end", comment: "作废" })).json().status).toBe(
      "ended",
    );
    expect(await status(twoStep, record.id)).toBe("ended");
    expect((await t.admin.request("POST", adminUrl, { action: "reactivate" })).json().status).toBe("running");
    expect(await status(twoStep, record.id)).toBe("running");
  });

  it("fires a deadline through the timer path: auto-approve once, even when polled again", async () => {
    const formId = await flowForm(
      t,
      // biome-ignore lint/suspicious/noThenProperty: the flow schema's deadline action, not a thenable.
      oneApproval(manager.id, { deadline: { after: "PT1S", then: "approve" } }),
    );
    const record = await submit(rep, formId);
    const task = (await inbox(manager)).items.find((i) => i.recordId === record.id);
    expect(task?.taskId).toBeTruthy();
    expect((await flowOf(rep, formId, record.id)).current[0]?.remainingMs).toBeLessThanOrEqual(1000);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await t.app.workflow.timers.drain()).toBeGreaterThanOrEqual(1);
    expect(await t.app.workflow.timers.drain()).toBe(0);
    expect(await status(formId, record.id)).toBe("completed");
    const log = (await flowOf(rep, formId, record.id)).log;
    expect(log.filter((e) => e.action === "autoPass" || e.action === "approve")).toHaveLength(1);
  });
});
