// A public fill-link submission to a form with a flow (PGlite and PostgreSQL), decided as Jiandaoyun does:
// the flow starts with no initiator; assignees that depend on the initiator (department head, manager
// chain, the initiator) resolve to nobody, so the node falls back to the app's admins (the system admins
// when the app has none) or passes when it says autoPass; named approvers work as usual.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { CSRF, startTestApp, type TestApp } from "./harness";
import { act, flowForm, flowOf, oneApproval, type Person, taskFor } from "./workflow-fixtures";

describe.each(serverTestDatabases())("workflow: public submissions ($name)", (database) => {
  let t: TestApp;
  let manager: Person;
  let appAdmin: Person;
  beforeAll(async () => {
    t = await startTestApp(database, {
      workflowTimers: { enabled: false },
      rateLimits: { publicPerIp: 1000 },
    });
    manager = await t.newUser("manager@example.com");
    appAdmin = await t.newUser("app-admin@example.com");
  });
  afterAll(() => t.close());

  const appOf = async (formId: string) =>
    (await sql<{ app_id: string }>`SELECT app_id FROM forms WHERE id = ${formId}`.execute(t.db)).rows[0]!
      .app_id;
  /** Submits through a new fill link as an anonymous visitor; answers the record id. */
  const submitPublicly = async (
    formId: string,
    data: Record<string, unknown> = { title: "来自官网", amount: 5 },
  ) => {
    const link = await t.admin.request("POST", `/api/forms/${formId}/public-links`, {
      kind: "fill",
      displayFields: ["title", "amount"],
    });
    expect(link.statusCode, link.body).toBe(201);
    const created = await t.app.inject({
      method: "POST",
      url: `/api/public/forms/${link.json().token}/records`,
      headers: CSRF,
      remoteAddress: "198.51.100.9",
      payload: { data },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  };
  const stored = async (formId: string, recordId: string) =>
    (await t.admin.request("GET", `/api/forms/${formId}/records/${recordId}`)).json();

  it("starts the flow with no initiator; a department-head node goes to the app's admins", async () => {
    const formId = await flowForm(t, oneApproval(manager.id, { assignees: [{ deptHead: 1 }] }));
    expect(
      (await t.admin.request("PUT", `/api/apps/${await appOf(formId)}/admins`, { userIds: [appAdmin.id] }))
        .statusCode,
    ).toBe(200);
    const recordId = await submitPublicly(formId);
    expect(await stored(formId, recordId)).toMatchObject({ createdBy: null, flowStatus: "running" });
    const flow = await flowOf(appAdmin, formId, recordId);
    expect(flow.instance).toMatchObject({ status: "running" });
    expect((flow.instance as unknown as { initiator: unknown }).initiator).toBeNull();
    expect(flow.current.map((c) => c.assignee.id)).toEqual([appAdmin.id]);
    expect(flow.log[0]).toMatchObject({ action: "start", actor: null });
    const approved = await act(appAdmin, await taskFor(appAdmin, recordId), {
      action: "approve",
      comment: "ok",
    });
    expect(approved.json()).toMatchObject({ status: "completed" });
    expect((await stored(formId, recordId)).flowStatus).toBe("completed");
  });

  it("the system admins take it when the app has no admins; a named approver gets it as usual", async () => {
    const chain = await flowForm(t, oneApproval(manager.id, { assignees: [{ managerChain: 2 }] }));
    const viaChain = await submitPublicly(chain);
    expect(await taskFor(t.admin as Person, viaChain)).toBeTruthy();
    const named = await flowForm(
      t,
      oneApproval(manager.id, { assignees: [{ user: manager.id }, { initiator: true }] }),
    );
    const viaNamed = await submitPublicly(named);
    const flow = await flowOf(manager, named, viaNamed);
    expect(flow.current.map((c) => c.assignee.id)).toEqual([manager.id]);
    await act(manager, await taskFor(manager, viaNamed), { action: "approve" });
    expect((await stored(named, viaNamed)).flowStatus).toBe("completed");
  });

  it("a node that passes when nobody resolves passes, and the flow completes at once", async () => {
    const formId = await flowForm(
      t,
      oneApproval(manager.id, { assignees: [{ initiator: true }], whenEmpty: "autoPass" }),
    );
    const recordId = await submitPublicly(formId);
    expect((await stored(formId, recordId)).flowStatus).toBe("completed");
    const flow = await flowOf(t.admin as Person, formId, recordId);
    expect(flow.log.map((e) => e.action)).toEqual(expect.arrayContaining(["start", "autoPass", "finish"]));
  });
});
