// Assignees resolved through the organisation (the engine's Directory port over the org tables), over
// HTTP on PGlite and PostgreSQL: the initiator's department head, a role, the manager chain in order,
// and the administrators when nobody resolves.
import {
  addDepartmentMembers,
  addRoleMembers,
  createDepartment,
  createRole,
  createRoleGroup,
  setDepartmentHeads,
} from "@formwork/db";
import type { FlowDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { startTestApp, type TestApp } from "./harness";
import { act, flowForm, type Person, submit, taskFor } from "./workflow-fixtures";

function chain(
  ...steps: { id: string; assignees: unknown[]; mode?: string; whenEmpty?: string }[]
): FlowDefinition {
  const ids = ["start", ...steps.map((s) => s.id), "end"];
  return {
    nodes: [
      { id: "start", type: "start" },
      ...steps.map((s) => ({ type: "approval", mode: "any", ...s })),
      { id: "end", type: "end" },
    ],
    edges: ids.slice(1).map((target, i) => ({ id: `e${i + 1}`, source: ids[i]!, target })),
  } as FlowDefinition;
}

describe.each(serverTestDatabases())("workflow assignees from the organisation ($name)", (database) => {
  let t: TestApp;
  let rep: Person;
  let salesHead: Person;
  let ceo: Person;
  let finance: Person;
  let financeRole: string;
  let emptyRole: string;
  beforeAll(async () => {
    t = await startTestApp(database, { workflowTimers: { enabled: false } });
    rep = await t.newUser("rep@example.com");
    salesHead = await t.newUser("sales-head@example.com");
    ceo = await t.newUser("ceo@example.com");
    finance = await t.newUser("finance@example.com");
    const company = await createDepartment(t.db, { name: "Company" });
    const sales = await createDepartment(t.db, { name: "Sales", parentId: company.id });
    await setDepartmentHeads(t.db, company.id, [ceo.id]);
    await setDepartmentHeads(t.db, sales.id, [salesHead.id]);
    await addDepartmentMembers(t.db, sales.id, [rep.id]);
    const group = await createRoleGroup(t.db, { name: "Functions" });
    financeRole = (await createRole(t.db, { groupId: group.id, name: "Finance" })).id;
    emptyRole = (await createRole(t.db, { groupId: group.id, name: "Nobody" })).id;
    await addRoleMembers(t.db, financeRole, [finance.id]);
  });
  afterAll(() => t.close());

  it("routes to the department head, then a role, then the admins when a role has nobody", async () => {
    const formId = await flowForm(
      t,
      chain(
        { id: "head", assignees: [{ deptHead: 1 }] },
        { id: "finance", assignees: [{ role: financeRole }] },
        { id: "nobody", assignees: [{ role: emptyRole }], whenEmpty: "admin" },
      ),
    );
    const record = await submit(rep, formId);
    await act(salesHead, await taskFor(salesHead, record.id), { action: "approve" });
    await act(finance, await taskFor(finance, record.id), { action: "approve" });
    const response = await act(t.admin, await taskFor(t.admin as Person, record.id), { action: "approve" });
    expect(response.json()).toMatchObject({ status: "completed" });
  });

  it("walks the manager chain in order, nearest first", async () => {
    const formId = await flowForm(
      t,
      chain({ id: "chain", assignees: [{ managerChain: 2 }], mode: "sequential" }),
    );
    const record = await submit(rep, formId);
    await expect(taskFor(ceo, record.id)).rejects.toThrow();
    await act(salesHead, await taskFor(salesHead, record.id), { action: "approve" });
    const last = await act(ceo, await taskFor(ceo, record.id), { action: "approve" });
    expect(last.json()).toMatchObject({ status: "completed" });
  });
});
