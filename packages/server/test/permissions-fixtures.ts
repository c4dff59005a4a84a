// A small organisation and a form for the permission tests: Sales with a sub-department East, a role,
// and members placed in them; the form has a member field, a department field and a "secret" text.
import {
  addDepartmentMembers,
  addRoleMembers,
  createDepartment,
  createRole,
  createRoleGroup,
} from "@formwork/db";
import type { FormDefinition } from "@formwork/schema";
import { grantEveryone, publishedForm } from "./fixtures";
import type { Caller, TestApp } from "./harness";

export const DEALS: FormDefinition = {
  key: "deals",
  name: { "zh-CN": "商机", en: "Deals" },
  fields: [
    { id: "title", type: "text", label: "Title", required: true },
    { id: "amount", type: "number", label: "Amount" },
    { id: "secret", type: "text", label: "Secret" },
    { id: "rep", type: "member", label: "Rep" },
    { id: "stage", type: "text", label: "Stage" },
  ],
};

export type Member = Caller & { id: string; token: string };

export interface Org {
  sales: string;
  east: string;
  role: string;
  /** In Sales. */
  alice: Member;
  /** In East (a sub-department of Sales). */
  bob: Member;
  /** In no department; holds the role. */
  carol: Member;
  /** In nothing at all. */
  dave: Member;
}

export async function makeOrg(t: TestApp, prefix: string): Promise<Org> {
  const sales = await createDepartment(t.db, { name: `${prefix} Sales` });
  const east = await createDepartment(t.db, { name: "East", parentId: sales.id });
  const group = await createRoleGroup(t.db, { name: `${prefix} group` });
  const role = await createRole(t.db, { groupId: group.id, name: "Auditor" });
  const [alice, bob, carol, dave] = await Promise.all(
    ["alice", "bob", "carol", "dave"].map((n) => t.newUser(`${prefix}-${n}@example.com`)),
  );
  await addDepartmentMembers(t.db, sales.id, [alice!.id]);
  await addDepartmentMembers(t.db, east.id, [bob!.id]);
  await addRoleMembers(t.db, role.id, [carol!.id]);
  return {
    sales: sales.id,
    east: east.id,
    role: role.id,
    alice: alice!,
    bob: bob!,
    carol: carol!,
    dave: dave!,
  };
}

export async function dealsForm(t: TestApp, key = "deals"): Promise<{ formId: string; appId: string }> {
  const formId = await publishedForm(t, { ...DEALS, key });
  const form = await t.admin.request("GET", `/api/forms/${formId}`);
  return { formId, appId: form.json().appId };
}

export async function addSet(
  t: TestApp,
  formId: string,
  body: Record<string, unknown>,
  as: Caller = t.admin,
) {
  const response = await as.request("POST", `/api/forms/${formId}/permission-sets`, body);
  if (response.statusCode !== 201) throw new Error(`set: ${response.body}`);
  return response.json<{ id: string; version: number }>();
}

/**
 * Runs `fill` while the form is open to every member (a manage-all set for all members, deleted
 * afterwards): how tests seed members' own records into a form they then close with narrower sets.
 */
export async function whileOpen<T>(t: TestApp, formId: string, fill: () => Promise<T>): Promise<T> {
  const everyone = await grantEveryone(t, formId);
  const out = await fill();
  const removed = await t.admin.request("DELETE", `/api/permission-sets/${everyone}`);
  if (removed.statusCode !== 204) throw new Error(`delete set: ${removed.body}`);
  return out;
}
