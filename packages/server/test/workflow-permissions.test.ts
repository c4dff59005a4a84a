// Field permissions per node and flow versions, over HTTP on PGlite and PostgreSQL: a hidden field is
// never sent to the node's handler, edits outside the editable fields are refused with a pointer (and
// change nothing), editable ones are written through the records path; a re-publish leaves running
// instances on the flow version they started with.
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { grantEveryone } from "./fixtures";
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
    await grantEveryone(t, form.json().id, "submit_own");
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

  it("applies per-column permissions of a sub-form: hidden columns never sent, view-only ones refused", async () => {
    const fields = [
      { id: "title", type: "text", label: "Title" },
      {
        id: "items",
        type: "subform",
        label: "Items",
        fields: [
          { id: "product", type: "text", label: "Product" },
          { id: "price", type: "number", label: "Price" },
          { id: "qty", type: "number", label: "Qty" },
          { id: "margin", type: "text", label: "Margin note" },
        ],
      },
    ] as FormDefinition["fields"];
    const formId = await flowForm(
      t,
      oneApproval(manager.id, {
        fieldPermissions: { items: "edit", "items.price": "view", "items.margin": "hidden" },
      }),
      "column_perms",
      fields,
    );
    const created = await rep.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Pens", items: [{ product: "Pen", price: 2, qty: 10, margin: "secret-margin-31" }] },
    });
    expect(created.statusCode).toBe(201);
    const recordId = created.json().id;
    const taskId = await taskFor(manager, recordId);
    const view = (await manager.request("GET", `/api/tasks/${taskId}`)).json();
    expect(JSON.stringify(view)).not.toContain("secret-margin-31");
    const items = view.form.fields.find((f: { id: string }) => f.id === "items");
    expect(items.permission).toBe("edit");
    expect(items.fields.map((c: { id: string; permission: string }) => [c.id, c.permission])).toEqual([
      ["product", "edit"],
      ["price", "view"],
      ["qty", "edit"],
    ]);
    const row = view.record.data.items[0];
    expect(row).not.toHaveProperty("margin");
    expect(row).toMatchObject({ product: "Pen", price: 2, qty: 10 });

    const refused = await act(manager, taskId, {
      action: "approve",
      fieldEdits: { items: [{ ...row, price: 1 }] },
    });
    expect(errorOf(refused)).toMatchObject({ status: 403, path: "/fieldEdits/items/0/price" });
    expect(refused.json().error.details[0].code).toBe("EDIT_NOT_ALLOWED");
    const smuggled = await act(manager, taskId, {
      action: "approve",
      fieldEdits: { items: [{ ...row, margin: "overwritten" }] },
    });
    expect(errorOf(smuggled)).toMatchObject({ status: 403, path: "/fieldEdits/items/0/margin" });

    const approved = await act(manager, taskId, {
      action: "approve",
      fieldEdits: { items: [{ ...row, qty: 12 }] },
    });
    expect(approved.statusCode).toBe(200);
    const stored = (await t.admin.request("GET", `/api/forms/${formId}/records/${recordId}`)).json();
    // The edited column is written; the hidden one the handler left out keeps its value.
    expect(stored.data.items).toEqual([
      expect.objectContaining({ product: "Pen", price: 2, qty: 12, margin: "secret-margin-31" }),
    ]);
  });
});
