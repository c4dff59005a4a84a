// Flow administration over HTTP (PGlite and PostgreSQL): an app admin — not only a system admin — changes a
// pending task's assignee, ends a flow with a reason and reactivates an ended or rejected one at a chosen
// node; each writes its audit entry in the same transaction; states that do not allow it answer 409 with
// a stable reason and leave neither a change nor an audit row behind.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { act, flowForm, flowOf, type Person, submit, taskFor, twoApprovals } from "./workflow-fixtures";

describe.each(serverTestDatabases())("workflow administration ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let manager: Person;
  let director: Person;
  let other: Person;
  let appAdmin: Person;
  let formId: string;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    manager = await t.newUser("manager@example.com");
    director = await t.newUser("director@example.com");
    other = await t.newUser("other@example.com");
    appAdmin = await t.newUser("app-admin@example.com");
    formId = await flowForm(
      t,
      twoApprovals({ assignees: [{ user: manager.id }] }, { assignees: [{ user: director.id }] }),
    );
    const { rows } = await sql<{ app_id: string }>`SELECT app_id FROM forms WHERE id = ${formId}`.execute(
      t.db,
    );
    const named = await t.admin.request("PUT", `/api/apps/${rows[0]!.app_id}/admins`, {
      userIds: [appAdmin.id],
    });
    expect(named.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const adminUrl = (instanceId: string) => `/api/flow-instances/${instanceId}/admin`;
  const started = async () => {
    const record = await submit(rep, formId);
    const flow = await flowOf(rep, formId, record.id);
    return { recordId: record.id, instanceId: flow.instance.id };
  };
  const audits = async (instanceId: string) => {
    const { rows } = await sql<{ action: string; actor_id: string; detail: Record<string, unknown> }>`
      SELECT action, actor_id, detail FROM audit_log WHERE target_id = ${instanceId} ORDER BY id`.execute(
      t.db,
    );
    return rows;
  };
  const status = async (recordId: string) =>
    (await rep.request("GET", `/api/forms/${formId}/records/${recordId}`)).json().flowStatus;

  it("shows the admin controls to app admins only", async () => {
    const { recordId } = await started();
    const asAdmin = (await appAdmin.request("GET", `/api/forms/${formId}/records/${recordId}/flow`)).json();
    expect(asAdmin.instance).toMatchObject({ canAdminister: true, reactivateTargets: [] });
    const asRep = (await rep.request("GET", `/api/forms/${formId}/records/${recordId}/flow`)).json();
    expect(asRep.instance.canAdminister).toBe(false);
  });

  it("refuses members, the initiator and the assignee (403) and unknown instances (404)", async () => {
    const { instanceId } = await started();
    for (const caller of [rep, manager, other]) {
      expect(
        errorOf(await caller.request("POST", adminUrl(instanceId), { action: "end", comment: "x" })),
      ).toMatchObject({
        status: 403,
        code: "FORBIDDEN",
      });
    }
    const unknown = "01930000-0000-7000-8000-000000000000";
    expect(
      errorOf(await appAdmin.request("POST", adminUrl(unknown), { action: "end", comment: "x" })).status,
    ).toBe(404);
    expect(await audits(instanceId)).toEqual([]);
  });

  it("changes a pending task's assignee, audited with from and to", async () => {
    const { recordId, instanceId } = await started();
    const task = await taskFor(manager, recordId);
    const bad = await appAdmin.request("POST", adminUrl(instanceId), {
      action: "changeAssignee",
      task,
      user: "01930000-0000-7000-8000-000000000001",
    });
    expect(errorOf(bad)).toMatchObject({ status: 422, path: "/user" });
    const changed = await appAdmin.request("POST", adminUrl(instanceId), {
      action: "changeAssignee",
      task,
      user: other.id,
      comment: "经理休假",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ instanceId, status: "running" });
    await expect(taskFor(manager, recordId)).rejects.toThrow();
    const otherTask = await taskFor(other, recordId);
    expect((await act(other, otherTask, { action: "approve" })).statusCode).toBe(200);
    // The old task is done: changing it again is a conflict, not a second change.
    const again = await appAdmin.request("POST", adminUrl(instanceId), {
      action: "changeAssignee",
      task,
      user: director.id,
    });
    expect(errorOf(again)).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(again.json().error.details[0].code).toBe("TASK_NOT_PENDING");
    const entries = await audits(instanceId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "flow.changeAssignee",
      actor_id: appAdmin.id,
      detail: { task, from: manager.id, to: other.id, comment: "经理休假", recordId },
    });
    const log = (await flowOf(rep, formId, recordId)).log;
    expect(log.find((e) => e.action === "changeAssignee")).toMatchObject({ actor: { id: appAdmin.id } });
  });

  it("ends a running flow with a reason (required), then refuses to end or change it again (409)", async () => {
    const { recordId, instanceId } = await started();
    const task = await taskFor(manager, recordId);
    expect(errorOf(await appAdmin.request("POST", adminUrl(instanceId), { action: "end" }))).toMatchObject({
      status: 422,
      path: "/comment",
    });
    expect(
      errorOf(await appAdmin.request("POST", adminUrl(instanceId), { action: "end", comment: "   " })).path,
    ).toBe("/comment");
    const ended = await appAdmin.request("POST", adminUrl(instanceId), {
      action: "end",
      comment: "重复提交",
    });
    expect(ended.json()).toMatchObject({ status: "ended" });
    expect(await status(recordId)).toBe("ended");
    const flow = await flowOf(rep, formId, recordId);
    expect(flow.current).toEqual([]);
    expect(flow.log.find((e) => e.action === "end")).toMatchObject({
      actor: { id: appAdmin.id },
      comment: "重复提交",
    });
    const twice = await appAdmin.request("POST", adminUrl(instanceId), { action: "end", comment: "again" });
    expect(errorOf(twice)).toMatchObject({ status: 409 });
    expect(twice.json().error.details[0].code).toBe("INSTANCE_NOT_RUNNING");
    const change = await appAdmin.request("POST", adminUrl(instanceId), {
      action: "changeAssignee",
      task,
      user: other.id,
    });
    expect(change.json().error.details[0].code).toBe("INSTANCE_NOT_RUNNING");
    expect((await act(manager, task, { action: "approve" })).statusCode).toBe(409);
    expect((await audits(instanceId)).map((e) => e.action)).toEqual(["flow.end"]);
    expect((await audits(instanceId))[0]!.detail).toMatchObject({ comment: "重复提交", status: "ended" });
  });

  it("reactivates a rejected flow at a chosen node; refuses a running one (409)", async () => {
    const { recordId, instanceId } = await started();
    const running = await appAdmin.request("POST", adminUrl(instanceId), { action: "reactivate" });
    expect(errorOf(running)).toMatchObject({ status: 409 });
    expect(running.json().error.details[0].code).toBe("INSTANCE_RUNNING");
    await act(manager, await taskFor(manager, recordId), { action: "approve" });
    await act(director, await taskFor(director, recordId), { action: "reject", comment: "价格太低" });
    expect(await status(recordId)).toBe("rejected");
    const view = (await appAdmin.request("GET", `/api/forms/${formId}/records/${recordId}/flow`)).json();
    expect(view.instance.reactivateTargets.map((n: { id: string }) => n.id)).toEqual(["b", "a", "start"]);
    const never = await appAdmin.request("POST", adminUrl(instanceId), {
      action: "reactivate",
      target: "end",
    });
    expect(errorOf(never)).toMatchObject({ status: 422, path: "/target" });
    const back = await appAdmin.request("POST", adminUrl(instanceId), {
      action: "reactivate",
      target: "a",
      comment: "重新审批",
    });
    expect(back.json()).toMatchObject({ status: "running" });
    expect(await status(recordId)).toBe("running");
    await act(manager, await taskFor(manager, recordId), { action: "approve" });
    await act(director, await taskFor(director, recordId), { action: "approve" });
    expect(await status(recordId)).toBe("completed");
    expect(await audits(instanceId)).toEqual([
      expect.objectContaining({
        action: "flow.reactivate",
        detail: expect.objectContaining({ target: "a", comment: "重新审批", status: "running" }),
      }),
    ]);
  });

  it("reactivates an ended flow where it stopped by default; a system admin may too", async () => {
    const { recordId, instanceId } = await started();
    await act(manager, await taskFor(manager, recordId), { action: "approve" });
    await t.admin.request("POST", adminUrl(instanceId), { action: "end", comment: "作废" });
    const back = await t.admin.request("POST", adminUrl(instanceId), { action: "reactivate" });
    expect(back.json()).toMatchObject({ status: "running" });
    expect((await flowOf(rep, formId, recordId)).current.map((c) => c.nodeId)).toEqual(["b"]);
    expect((await audits(instanceId)).map((e) => e.action)).toEqual(["flow.end", "flow.reactivate"]);
  });
});
