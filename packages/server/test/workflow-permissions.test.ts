// Field permissions per node and flow versions, over HTTP on PGlite and PostgreSQL: a hidden field is
// never sent to the node's handler, edits outside the editable fields are refused with a pointer (and
// change nothing), editable ones are written through the records path; a re-publish leaves running
// instances on the flow version they started with.
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
  republish,
  submit,
  taskFor,
} from "./workflow-fixtures";

describe.each(serverTestDatabases())("workflow permissions and versions ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let manager: Person;
  let director: Person;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    manager = await t.newUser("manager@example.com");
    director = await t.newUser("director@example.com");
  });
  afterAll(() => t.close());

  it("never sends a hidden field, refuses edits outside the editable ones, writes the editable ones", async () => {
    const formId = await flowForm(
      t,
      oneApproval(manager.id, { fieldPermissions: { cost: "hidden", reason: "edit", discount: "edit" } }),
    );
    const record = await submit(rep, formId, { cost: 98765, amount: 100, discount: 0.1 });
    const taskId = await taskFor(manager, record.id);
    const view = await manager.request("GET", `/api/tasks/${taskId}`);
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.record.data).not.toHaveProperty("cost");
    expect(body.record.data).toMatchObject({ title: "Pens", amount: 100 });
    expect(JSON.stringify(body)).not.toContain("98765");
    const fields = Object.fromEntries(
      body.form.fields.map((f: { id: string; permission: string }) => [f.id, f.permission]),
    );
    expect(fields).toMatchObject({
      title: "view",
      amount: "view",
      reason: "edit",
      discount: "edit",
      total: "view",
    });
    expect(fields).not.toHaveProperty("cost");
    expect(body.node).toMatchObject({
      id: "manager",
      actions: ["approve", "reject", "return", "transfer", "addSigner"],
    });
    expect(errorOf(await rep.request("GET", `/api/tasks/${taskId}`))).toMatchObject({ status: 404 });

    const refused = await act(manager, taskId, {
      action: "approve",
      fieldEdits: { amount: 1, cost: 0, reason: "ok" },
    });
    expect(refused.statusCode).toBe(403);
    const paths = refused.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code]);
    expect(paths).toEqual([
      ["/fieldEdits/amount", "EDIT_NOT_ALLOWED"],
      ["/fieldEdits/cost", "EDIT_NOT_ALLOWED"],
    ]);
    expect((await inbox(manager)).items.some((i) => i.taskId === taskId)).toBe(true);

    const invalid = await act(manager, taskId, { action: "approve", fieldEdits: { discount: 7 } });
    expect(errorOf(invalid)).toMatchObject({ status: 422, path: "/fieldEdits/discount" });

    const approved = await act(manager, taskId, {
      action: "approve",
      fieldEdits: { reason: "大客户", discount: 0.2, amount: 100 },
    });
    expect(approved.statusCode).toBe(200);
    const stored = (await rep.request("GET", `/api/forms/${formId}/records/${record.id}`)).json();
    expect(stored.data).toMatchObject({ reason: "大客户", discount: 0.2, total: 80, cost: 98765 });
    expect(stored.version).toBe(2);
    const history = (await rep.request("GET", `/api/forms/${formId}/records/${record.id}/history`)).json();
    expect(history.revisions.at(-1)).toMatchObject({ actor: manager.id, action: "update" });
  });

  it("keeps running instances on their flow version after a re-publish", async () => {
    const formId = await flowForm(t, oneApproval(manager.id));
    const before = await submit(rep, formId, { title: "Old flow" });
    await republish(t, formId, oneApproval(director.id));
    const after = await submit(rep, formId, { title: "New flow" });

    expect(await taskFor(manager, before.id)).toBeTruthy();
    await expect(taskFor(director, before.id)).rejects.toThrow();
    expect(await taskFor(director, after.id)).toBeTruthy();
    expect((await flowOf(rep, formId, before.id)).instance).toMatchObject({ status: "running" });
    const oldFlow = (await flowOf(rep, formId, before.id)) as unknown as {
      instance: { flowVersion: number };
    };
    const newFlow = (await flowOf(rep, formId, after.id)) as unknown as { instance: { flowVersion: number } };
    expect([oldFlow.instance.flowVersion, newFlow.instance.flowVersion]).toEqual([1, 2]);

    await act(manager, await taskFor(manager, before.id), { action: "approve" });
    expect((await flowOf(rep, formId, before.id)).instance.status).toBe("completed");

    // A publish that changes only fields keeps the flow version.
    await republish(t, formId, oneApproval(director.id));
    const third = await submit(rep, formId);
    const thirdFlow = (await flowOf(rep, formId, third.id)) as unknown as {
      instance: { flowVersion: number };
    };
    expect(thirdFlow.instance.flowVersion).toBe(2);
  });

  it("starts no flow for a form without one and answers 404 for its record's flow", async () => {
    const app = await t.admin.request("POST", "/api/apps", { name: "Plain" });
    const form = await t.admin.request("POST", `/api/apps/${app.json().id}/forms`, {
      key: "plain",
      name: "Plain",
      fields: [{ id: "title", type: "text", label: "Title" }],
    });
    await t.admin.request("POST", `/api/forms/${form.json().id}/publish`);
    const record = await rep.request("POST", `/api/forms/${form.json().id}/records`, {
      data: { title: "x" },
    });
    expect(record.json().flowStatus).toBeNull();
    expect(
      errorOf(await rep.request("GET", `/api/forms/${form.json().id}/records/${record.json().id}/flow`)),
    ).toMatchObject({
      status: 404,
    });
  });
});
