import { FormworkError } from "@formwork/schema";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import {
  addDepartmentMembers,
  createDepartment,
  moveDepartment,
  removeDepartmentMember,
  setDepartmentHeads,
} from "./departments";
import {
  activeAdmins,
  activeUsers,
  departmentHeads,
  managerChain,
  membersOfDepartments,
  primaryDepartment,
  userDepartments,
  userFacts,
  usersInRoles,
} from "./directory";
import { addRoleMembers, createRole, createRoleGroup } from "./roles";

// The company used by every case:
//   Company (head: ceo)
//   ├─ Sales (head: salesHead)
//   │  ├─ East (no head)              ← a missing level
//   │  │  └─ East-1 (head: e1Head)    ← rep's primary department
//   │  └─ West (heads: westA, westB)  ← rep's second department; two heads
//   └─ R&D (head: gone, disabled)     ← a head who cannot act
const names = [
  "ceo",
  "salesHead",
  "e1Head",
  "rep",
  "westA",
  "westB",
  "gone",
  "dev",
  "nobody",
  "crossHead",
] as const;
type Name = (typeof names)[number];

describe.each(testDatabases())("organisation directory on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  const u = {} as Record<Name, string>;
  const d = {} as Record<"company" | "sales" | "east" | "east1" | "west" | "rnd", string>;

  beforeAll(async () => {
    ({ db, close } = await create());
    for (const name of names) {
      u[name] = newId();
      await db
        .insertInto("users")
        .values({ id: u[name], email: `${name.toLowerCase()}@example.com`, name, password_hash: "x" })
        .execute();
    }
    await db.updateTable("users").set({ disabled: true }).where("id", "=", u.gone).execute();
    d.company = (await createDepartment(db, { name: "Company" })).id;
    d.sales = (await createDepartment(db, { name: "Sales", parentId: d.company })).id;
    d.east = (await createDepartment(db, { name: "East", parentId: d.sales })).id;
    d.east1 = (await createDepartment(db, { name: "East-1", parentId: d.east })).id;
    d.west = (await createDepartment(db, { name: "West", parentId: d.sales })).id;
    d.rnd = (await createDepartment(db, { name: "R&D", parentId: d.company })).id;
    await setDepartmentHeads(db, d.company, [u.ceo]);
    await setDepartmentHeads(db, d.sales, [u.salesHead]);
    await setDepartmentHeads(db, d.east1, [u.e1Head]);
    await setDepartmentHeads(db, d.west, [u.westB, u.westA]);
    await setDepartmentHeads(db, d.rnd, [u.gone]);
    // rep joins East-1 first (primary), then West.
    await addDepartmentMembers(db, d.east1, [u.rep]);
    await addDepartmentMembers(db, d.west, [u.rep]);
    await addDepartmentMembers(db, d.rnd, [u.dev]);
    // crossHead: primary in East-1 as a plain member, head of West (a second department).
    await addDepartmentMembers(db, d.east1, [u.crossHead]);
    await setDepartmentHeads(db, d.west, [u.westA, u.westB, u.crossHead]);
  });
  afterAll(() => close());

  it("departmentHeads counts levels from the primary department, missing levels give nobody", async () => {
    expect(await departmentHeads(db, u.rep, 1)).toEqual([u.e1Head]);
    expect(await departmentHeads(db, u.rep, 2)).toEqual([]);
    expect(await departmentHeads(db, u.rep, 3)).toEqual([u.salesHead]);
    expect(await departmentHeads(db, u.rep, 4)).toEqual([u.ceo]);
    expect(await departmentHeads(db, u.rep, 5)).toEqual([]);
    expect(await departmentHeads(db, u.rep, 0)).toEqual([]);
  });

  it("departmentHeads returns every active head of the level, and the user when they head it", async () => {
    await addDepartmentMembers(db, d.west, [u.nobody]);
    try {
      // nobody's primary is West (their first department): its three heads, oldest account first.
      expect(await departmentHeads(db, u.nobody, 1)).toEqual([u.westA, u.westB, u.crossHead]);
    } finally {
      await removeDepartmentMember(db, d.west, u.nobody);
    }
    expect(await departmentHeads(db, u.e1Head, 1)).toEqual([u.e1Head]);
    // R&D's only head is disabled: nobody can act at that level.
    expect(await departmentHeads(db, u.dev, 1)).toEqual([]);
  });

  it("managerChain skips missing levels but keeps their numbers", async () => {
    expect(await managerChain(db, u.rep, 10)).toEqual([
      { level: 1, departmentId: d.east1, userIds: [u.e1Head] },
      { level: 3, departmentId: d.sales, userIds: [u.salesHead] },
      { level: 4, departmentId: d.company, userIds: [u.ceo] },
    ]);
    expect(await managerChain(db, u.rep, 2)).toEqual([
      { level: 1, departmentId: d.east1, userIds: [u.e1Head] },
    ]);
  });

  it("managerChain of a head starts at the parent department's head", async () => {
    expect(await managerChain(db, u.e1Head, 3)).toEqual([
      { level: 2, departmentId: d.sales, userIds: [u.salesHead] },
      { level: 3, departmentId: d.company, userIds: [u.ceo] },
    ]);
    expect(await managerChain(db, u.salesHead, 5)).toEqual([
      { level: 1, departmentId: d.company, userIds: [u.ceo] },
    ]);
    // Of the top department: nobody above.
    expect(await managerChain(db, u.ceo, 5)).toEqual([]);
    // A co-head's chain leaves the other heads of the same department out: it starts above them.
    expect(await managerChain(db, u.westA, 1)).toEqual([
      { level: 1, departmentId: d.sales, userIds: [u.salesHead] },
    ]);
  });

  it("managerChain follows the primary department, not one the user heads elsewhere", async () => {
    expect(await managerChain(db, u.crossHead, 1)).toEqual([
      { level: 1, departmentId: d.east1, userIds: [u.e1Head] },
    ]);
  });

  it("a disabled head leaves the level out; users without a department have no chain", async () => {
    expect(await managerChain(db, u.dev, 2)).toEqual([
      { level: 2, departmentId: d.company, userIds: [u.ceo] },
    ]);
    expect(await managerChain(db, u.nobody, 3)).toEqual([]);
    expect(await departmentHeads(db, u.nobody, 1)).toEqual([]);
    expect(await managerChain(db, "not-a-uuid", 3)).toEqual([]);
  });

  it("userDepartments lists every department, primary first, with sub-departments on request", async () => {
    expect(await userDepartments(db, u.rep, false)).toEqual([d.east1, d.west]);
    expect(await primaryDepartment(db, u.rep)).toBe(d.east1);
    const withSub = await userDepartments(db, u.salesHead, true);
    expect(withSub[0]).toBe(d.sales);
    expect(new Set(withSub)).toEqual(new Set([d.sales, d.east, d.east1, d.west]));
    expect(withSub).toHaveLength(4);
    expect(await userDepartments(db, u.nobody, true)).toEqual([]);
  });

  it("membersOfDepartments counts each member once and never a disabled one", async () => {
    expect(await membersOfDepartments(db, [d.sales], false)).toEqual([u.salesHead]);
    expect(await membersOfDepartments(db, [d.sales], true)).toEqual([
      u.salesHead,
      u.e1Head,
      u.rep,
      u.westA,
      u.westB,
      u.crossHead,
    ]);
    expect(await membersOfDepartments(db, [d.east1, d.west], false)).toEqual([
      u.e1Head,
      u.rep,
      u.westA,
      u.westB,
      u.crossHead,
    ]);
    expect(await membersOfDepartments(db, [d.rnd], true)).toEqual([u.dev]);
    expect(await membersOfDepartments(db, ["bogus", newId()], true)).toEqual([]);
  });

  it("usersInRoles and activeUsers drop disabled users, duplicates and malformed ids", async () => {
    const group = await createRoleGroup(db, { name: "Approvers" });
    const a = await createRole(db, { groupId: group.id, name: "Finance" });
    const b = await createRole(db, { groupId: group.id, name: "Legal" });
    await addRoleMembers(db, a.id, [u.rep, u.gone]);
    await addRoleMembers(db, b.id, [u.rep, u.ceo]);
    expect(await usersInRoles(db, [a.id, b.id, "x"])).toEqual([u.ceo, u.rep]);
    expect(await usersInRoles(db, [])).toEqual([]);
    expect(await activeUsers(db, [u.rep, u.gone, u.ceo, u.rep, "x", newId()])).toEqual([u.rep, u.ceo]);
  });

  it("moves reshape the chain and never make a cycle", async () => {
    const cycle = await moveDepartment(db, d.sales, { parentId: d.east1 }).catch((e: unknown) => e);
    expect(cycle).toBeInstanceOf(FormworkError);
    expect((cycle as FormworkError).code).toBe("VALIDATION_FAILED");
    expect((cycle as FormworkError).details[0]?.path).toBe("/parentId");
    const self = await moveDepartment(db, d.sales, { parentId: d.sales }).catch((e: unknown) => e);
    expect((self as FormworkError).code).toBe("VALIDATION_FAILED");

    await moveDepartment(db, d.east1, { parentId: null });
    try {
      expect(await managerChain(db, u.rep, 5)).toEqual([
        { level: 1, departmentId: d.east1, userIds: [u.e1Head] },
      ]);
      expect(await departmentHeads(db, u.rep, 2)).toEqual([]);
    } finally {
      await moveDepartment(db, d.east1, { parentId: d.east });
    }
    expect(await departmentHeads(db, u.rep, 3)).toEqual([u.salesHead]);
  });

  it("admins and user facts for the engine's ports", async () => {
    await db.updateTable("users").set({ is_admin: true }).where("id", "in", [u.ceo, u.gone]).execute();
    expect(await activeAdmins(db)).toEqual([u.ceo]);
    const facts = await userFacts(db, u.rep);
    expect(facts).toMatchObject({ name: "rep", primaryDepartmentId: d.east1 });
    expect(facts?.departmentIds[0]).toBe(d.east1);
    expect(facts?.departmentIds).toHaveLength(2);
    expect(await userFacts(db, newId())).toBeNull();
  });
});
