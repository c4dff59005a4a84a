// The print view's endpoint (PGlite and PostgreSQL): it needs the permission set's `print` action, keeps
// to the printer's rows and visible fields, and carries the flow log with the approver's handwritten
// signature inlined (the approver's file, which the printer could not download).
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet } from "./permissions-fixtures";
import { PNG } from "./upload-fixtures";
import { upload } from "./uploads";
import { act, flowForm, oneApproval, type Person, taskFor } from "./workflow-fixtures";

const FIELDS = [
  { id: "no", type: "serial", label: "No", pattern: [{ text: "PO-" }, { counter: 4 }] },
  { id: "title", type: "text", label: "Title", required: true },
  { id: "cost", type: "number", label: "Cost" },
  {
    id: "items",
    type: "subform",
    label: "Items",
    fields: [
      { id: "product", type: "text", label: "Product" },
      { id: "qty", type: "number", label: "Qty" },
    ],
  },
] as FormDefinition["fields"];

describe.each(serverTestDatabases())("print view ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let manager: Person;
  let printer: Person;
  let viewer: Person;
  let formId: string;
  let recordId: string;
  let otherId: string;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    manager = await t.newUser("manager@example.com");
    printer = await t.newUser("printer@example.com");
    viewer = await t.newUser("viewer@example.com");
    formId = await flowForm(t, oneApproval(manager.id), "purchase", FIELDS, null);
    await addSet(t, formId, { name: "Reps", kind: "submit_own", members: [{ type: "user", id: rep.id }] });
    await addSet(t, formId, {
      name: "Printers",
      kind: "custom",
      actions: ["view", "print"],
      fields: { cost: "hidden" },
      rowCondition: { "==": [{ var: "title" }, "Pens"] },
      members: [{ type: "user", id: printer.id }],
    });
    await addSet(t, formId, {
      name: "Viewers",
      kind: "view_all",
      members: [{ type: "user", id: viewer.id }],
    });
    const create = async (title: string) => {
      const r = await rep.request("POST", `/api/forms/${formId}/records`, {
        data: { title, cost: 4242, items: [{ product: "Pen", qty: 10 }] },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string }>().id;
    };
    recordId = await create("Pens");
    otherId = await create("Paper");
    const signature = await upload(t, manager.token, { name: "sign.png", type: "image/png", bytes: PNG });
    expect(signature.statusCode, signature.body).toBe(201);
    const approved = await act(manager, await taskFor(manager, recordId), {
      action: "approve",
      comment: "同意采购",
      signature: { fileId: signature.json().id },
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });
  afterAll(() => t.close());

  const print = (caller: Person, id: string) =>
    caller.request("GET", `/api/forms/${formId}/records/${id}/print`);

  it("gives the printer the visible fields, the record and the flow log with the signature inlined", async () => {
    const response = await print(printer, recordId);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.form.name).toEqual({ "zh-CN": "报价单", en: "Quotes" });
    expect(body.form.fields.map((f: { id: string }) => f.id)).toEqual(["no", "title", "items"]);
    expect(body.record.data).toMatchObject({
      no: "PO-0001",
      title: "Pens",
      items: [{ product: "Pen", qty: 10 }],
    });
    expect(response.body).not.toContain("4242");
    expect(body.flow.instance.status).toBe("completed");
    const approval = body.flow.log.find((e: { action: string }) => e.action === "approve");
    expect(approval).toMatchObject({ actor: { id: manager.id }, comment: "同意采购" });
    expect(approval.signatureImage).toBe(`data:image/png;base64,${PNG.toString("base64")}`);
    // The printer could not fetch the approver's file itself.
    expect((await printer.request("GET", `/api/files/${approval.signature.fileId}`)).statusCode).toBe(404);
  });

  it("needs the print action (403) and keeps to the printer's rows (404)", async () => {
    expect(errorOf(await print(viewer, recordId))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(errorOf(await print(rep, recordId))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(errorOf(await print(printer, otherId)).status).toBe(404);
    expect(errorOf(await print(printer, "01930000-0000-7000-8000-000000000000")).status).toBe(404);
    // App and system admins may print anything.
    expect((await print(t.admin as Person, otherId)).json().record.data.cost).toBe(4242);
  });
});
