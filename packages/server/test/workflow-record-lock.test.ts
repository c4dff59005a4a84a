// A record in a running flow (PGlite and PostgreSQL): its submitter and other members may not PATCH or
// DELETE it (409 RECORD_IN_FLOW at /flowStatus); system and app admins may; the handler's field edits
// through the task still write; once the flow ends, normal edits work again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { grantEveryone } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { act, flowForm, oneApproval, type Person, submit, taskFor } from "./workflow-fixtures";

describe.each(serverTestDatabases())("records in a running flow ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let manager: Person;
  let appAdmin: Person;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    manager = await t.newUser("manager@example.com");
    appAdmin = await t.newUser("appadmin@example.com");
  });
  afterAll(() => t.close());

  const url = (formId: string, id: string) => `/api/forms/${formId}/records/${id}`;
  const version = async (formId: string, id: string) =>
    String((await t.admin.request("GET", url(formId, id))).json().version);

  it("refuses a member's PATCH and DELETE while running, allows admins, task edits and later edits", async () => {
    const formId = await flowForm(t, oneApproval(manager.id, { fieldPermissions: { reason: "edit" } }));
    // Every member may manage its records (edit, delete): the running flow is what refuses them.
    await grantEveryone(t, formId);
    const appId = (await t.admin.request("GET", `/api/forms/${formId}`)).json().appId;
    const named = await t.admin.request("PUT", `/api/apps/${appId}/admins`, { userIds: [appAdmin.id] });
    expect(named.statusCode, named.body).toBeLessThan(300);
    const record = await submit(rep, formId);
    expect(record.flowStatus).toBe("running");

    for (const who of [rep, manager]) {
      const patch = await who.request(
        "PATCH",
        url(formId, record.id),
        { data: { title: "changed" } },
        { "if-match": await version(formId, record.id) },
      );
      expect(errorOf(patch)).toMatchObject({ status: 409, code: "RECORD_IN_FLOW", path: "/flowStatus" });
      const del = await who.request("DELETE", url(formId, record.id));
      expect(errorOf(del)).toMatchObject({ status: 409, code: "RECORD_IN_FLOW", path: "/flowStatus" });
    }
    const stored = (await t.admin.request("GET", url(formId, record.id))).json();
    expect(stored.data.title).toBe("Pens");
    expect(stored.deletedAt ?? null).toBeNull();

    for (const who of [appAdmin, t.admin]) {
      const patch = await who.request(
        "PATCH",
        url(formId, record.id),
        { data: { amount: who === t.admin ? 300 : 200 } },
        { "if-match": await version(formId, record.id) },
      );
      expect(patch.statusCode, patch.body).toBe(200);
    }

    const approved = await act(manager, await taskFor(manager, record.id), {
      action: "approve",
      fieldEdits: { reason: "ok" },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const done = (await rep.request("GET", url(formId, record.id))).json();
    expect(done).toMatchObject({ flowStatus: "completed", data: { reason: "ok", amount: 300 } });
    const after = await rep.request(
      "PATCH",
      url(formId, record.id),
      { data: { title: "after" } },
      { "if-match": String(done.version) },
    );
    expect(after.statusCode, after.body).toBe(200);
  });

  it("a system admin may delete a record in flow", async () => {
    const formId = await flowForm(t, oneApproval(manager.id));
    const record = await submit(rep, formId);
    const del = await t.admin.request("DELETE", url(formId, record.id));
    expect(del.statusCode, del.body).toBe(200);
  });
});
