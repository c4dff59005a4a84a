// The workflow over HTTP, on PGlite and PostgreSQL: submitting starts the flow in the record's
// transaction, the inboxes show it, and each action (approve, reject, return, transfer, add signer,
// withdraw, urge, batch, admin) moves it exactly as the engine says, with the record's flowStatus, the
// chart and the log kept in step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { act, flowForm, flowOf, inbox, oneApproval, type Person, submit, taskFor } from "./workflow-fixtures";

describe.each(serverTestDatabases())("workflow over HTTP ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let manager: Person;
  let other: Person;
  let formId: string;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    manager = await t.newUser("manager@example.com");
    other = await t.newUser("other@example.com");
    formId = await flowForm(t, oneApproval(manager.id));
  });
  afterAll(() => t.close());

  it("starts the flow with the submission and puts the task in the manager's inbox", async () => {
    const record = await submit(rep, formId, { title: "Starter" });
    expect(record.flowStatus).toBe("running");
    const todo = await inbox(manager);
    const item = todo.items.find((i) => i.recordId === record.id);
    expect(item).toMatchObject({
      taskStatus: "pending",
      instanceStatus: "running",
      nodes: [{ id: "manager", name: "经理审批" }],
    });
    expect(item?.title).toContain("Starter");
    expect(todo.counts.todo).toBeGreaterThanOrEqual(1);
    const initiated = await inbox(rep, "initiated");
    expect(initiated.items.find((i) => i.recordId === record.id)?.nodes.map((n) => n.id)).toEqual([
      "manager",
    ]);
    const stored = await rep.request("GET", `/api/forms/${formId}/records/${record.id}`);
    expect(stored.json().flowStatus).toBe("running");
  });

  it("approves once: the flow completes, a second approve is a 409 and someone else's is a 403", async () => {
    const record = await submit(rep, formId);
    const taskId = await taskFor(manager, record.id);
    expect(errorOf(await act(other, taskId, { action: "approve" }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    const approved = await act(manager, taskId, { action: "approve", comment: "同意" });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ taskId, action: "approve", status: "completed" });
    const again = await act(manager, taskId, { action: "approve" });
    expect(errorOf(again)).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(again.json().error.details[0].code).toBe("TASK_NOT_PENDING");

    const stored = await rep.request("GET", `/api/forms/${formId}/records/${record.id}`);
    expect(stored.json().flowStatus).toBe("completed");
    const done = await inbox(manager, "done");
    expect(done.items.find((i) => i.taskId === taskId)).toMatchObject({
      action: "approve",
      instanceStatus: "completed",
    });
    const flow = await flowOf(rep, formId, record.id);
    expect(flow.instance.status).toBe("completed");
    expect(flow.chart.nodes.map((n) => [n.id, n.state])).toEqual([
      ["start", "done"],
      ["manager", "done"],
      ["end", "done"],
    ]);
    const approval = flow.log.find((e) => e.action === "approve");
    expect(approval).toMatchObject({
      actor: { id: manager.id, name: "manager@example.com" },
      comment: "同意",
      nodeId: "manager",
    });
    expect(approval?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("rejects: the flow ends rejected", async () => {
    const record = await submit(rep, formId);
    const response = await act(manager, await taskFor(manager, record.id), {
      action: "reject",
      comment: "太贵",
    });
    expect(response.json()).toMatchObject({ status: "rejected" });
    expect((await rep.request("GET", `/api/forms/${formId}/records/${record.id}`)).json().flowStatus).toBe(
      "rejected",
    );
  });

  it("refuses unknown tasks and malformed actions with pointers", async () => {
    const record = await submit(rep, formId);
    const taskId = await taskFor(manager, record.id);
    expect(errorOf(await act(manager, taskId, { action: "return" }))).toMatchObject({
      status: 422,
      path: "/target",
    });
    expect(errorOf(await act(manager, taskId, { action: "transfer" }))).toMatchObject({
      status: 422,
      path: "/users",
    });
    expect(errorOf(await act(manager, taskId, { action: "fly" }))).toMatchObject({
      status: 422,
      path: "/action",
    });
    const missing = `${record.id}:t999`;
    expect(errorOf(await act(manager, missing, { action: "approve" }))).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
  });

  it("documents its routes in the OpenAPI document", async () => {
    const spec = (await t.anonymous.request("GET", "/api/openapi.json")).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/tasks",
        "/api/tasks/{task}",
        "/api/tasks/{task}/actions",
        "/api/tasks/actions",
        "/api/tasks/{task}/read",
        "/api/flow-instances/{id}/actions",
        "/api/flow-instances/{id}/admin",
        "/api/forms/{form}/records/{id}/flow",
      ]),
    );
    const action = spec.paths["/api/tasks/{task}/actions"].post;
    expect(Object.keys(action.responses)).toEqual(
      expect.arrayContaining(["200", "403", "404", "409", "422"]),
    );
  });
});
