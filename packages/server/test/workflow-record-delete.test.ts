// A record whose flow is running goes to the recycle bin (PGlite and PostgreSQL): its flow ends in the
// deleting transaction — the handler's task is cancelled and leaves their inbox, its deadline timer is
// cancelled, the log says why —; restoring the record does not restart it (an admin may reactivate);
// purging the record erases the flow's rows. An automation's delete does the same. Deleting the whole
// app takes its flows out of every inbox.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { startTestApp, type TestApp } from "./harness";
import { act, flowForm, flowOf, inbox, oneApproval, type Person, submit, taskFor } from "./workflow-fixtures";

describe.each(serverTestDatabases())("deleting a record in a running flow ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let manager: Person;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    manager = await t.newUser("manager@example.com");
  });
  afterAll(() => t.close());

  const url = (formId: string, id: string) => `/api/forms/${formId}/records/${id}`;
  const rowsOf = async (instanceId: string) => {
    const { rows } = await sql<{ tasks: number; pending: number; timers: number; events: number }>`
      SELECT (SELECT count(*) FROM flow_tasks WHERE instance_id = ${instanceId}::uuid)::int AS tasks,
             (SELECT count(*) FROM flow_tasks WHERE instance_id = ${instanceId}::uuid AND status = 'pending')::int
               AS pending,
             (SELECT count(*) FROM flow_timers WHERE instance_id = ${instanceId}::uuid AND status = 'pending')::int
               AS timers,
             (SELECT count(*) FROM flow_events WHERE instance_id = ${instanceId}::uuid)::int AS events`.execute(
      t.db,
    );
    return rows[0]!;
  };

  it("ends the flow, cancels its task and timer, and says why in the log", async () => {
    // biome-ignore lint/suspicious/noThenProperty: the flow schema's deadline action, not a thenable.
    const formId = await flowForm(t, oneApproval(manager.id, { deadline: { after: "P1D", then: "remind" } }));
    const record = await submit(rep, formId);
    const taskId = await taskFor(manager, record.id);
    const before = await inbox(manager);
    const { instance } = await flowOf(t.admin, formId, record.id);
    expect(await rowsOf(instance.id)).toMatchObject({ pending: 1, timers: 1 });

    const deleted = await t.admin.request("DELETE", url(formId, record.id));
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json().flowStatus).toBe("ended");

    const after = await inbox(manager);
    expect(after.items.some((i) => i.recordId === record.id)).toBe(false);
    expect(after.counts.todo).toBe((before.counts.todo ?? 0) - 1);
    expect(await rowsOf(instance.id)).toMatchObject({ pending: 0, timers: 0 });
    const approve = await act(manager, taskId, { action: "approve" });
    expect(approve.statusCode, approve.body).toBe(409);

    const flow = await flowOf(t.admin, formId, record.id);
    expect(flow.instance.status).toBe("ended");
    const end = flow.log.find((e) => e.action === "end") as {
      detail?: unknown;
      actor: { id: string } | null;
    };
    expect(end.detail).toEqual({ reason: "recordDeleted" });
    const me = (await t.admin.request("GET", "/api/me")).json<{ user: { id: string } }>();
    expect(end.actor?.id).toBe(me.user.id);
    // The initiator hears that it ended.
    const notices = await rep.request("GET", "/api/notifications");
    expect(JSON.stringify(notices.json())).toContain("recordDeleted");
  });

  it("restoring keeps the flow ended; purging erases its rows", async () => {
    const formId = await flowForm(t, oneApproval(manager.id));
    const record = await submit(rep, formId);
    const { instance } = await flowOf(t.admin, formId, record.id);
    expect((await t.admin.request("DELETE", url(formId, record.id))).statusCode).toBe(200);

    const restored = await t.admin.request("POST", `${url(formId, record.id)}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().flowStatus).toBe("ended");
    expect((await flowOf(t.admin, formId, record.id)).instance.status).toBe("ended");

    expect((await t.admin.request("DELETE", url(formId, record.id))).statusCode).toBe(200);
    const purged = await t.admin.request("DELETE", `${url(formId, record.id)}?purge=true`);
    expect(purged.statusCode, purged.body).toBe(204);
    expect(await rowsOf(instance.id)).toEqual({ tasks: 0, pending: 0, timers: 0, events: 0 });
    const gone = await t.admin.request("GET", `${url(formId, record.id)}/flow`);
    expect(gone.statusCode).toBe(404);
  });

  it("deleting the app takes its flows out of the handler's and the initiator's inboxes", async () => {
    const formId = await flowForm(t, oneApproval(manager.id));
    const record = await submit(rep, formId);
    const appId = (await t.admin.request("GET", `/api/forms/${formId}`)).json().appId as string;
    const todo = await inbox(manager);
    const initiated = await inbox(rep, "initiated");
    expect(todo.items.some((i) => i.recordId === record.id)).toBe(true);
    const deleted = await t.admin.request("DELETE", `/api/apps/${appId}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const todoAfter = await inbox(manager);
    expect(todoAfter.items.some((i) => i.recordId === record.id)).toBe(false);
    expect(todoAfter.counts.todo).toBe((todo.counts.todo ?? 0) - 1);
    const initiatedAfter = await inbox(rep, "initiated");
    expect(initiatedAfter.items.some((i) => i.recordId === record.id)).toBe(false);
    expect(initiatedAfter.counts.initiated).toBe((initiated.counts.initiated ?? 0) - 1);
  });

  it("a record whose flow has finished is deleted as any other", async () => {
    const formId = await flowForm(t, oneApproval(manager.id));
    const record = await submit(rep, formId);
    const approved = await act(manager, await taskFor(manager, record.id), { action: "approve" });
    expect(approved.statusCode, approved.body).toBe(200);
    const deleted = await t.admin.request("DELETE", url(formId, record.id));
    expect(deleted.json().flowStatus).toBe("completed");
    const flow = await flowOf(t.admin, formId, record.id);
    expect(flow.instance.status).toBe("completed");
    expect(flow.log.some((e) => e.action === "end")).toBe(false);
  });
});
