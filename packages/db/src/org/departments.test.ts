import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../../test/fixtures";
import { newId } from "../ids";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import {
  addDepartmentMembers,
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  moveDepartment,
  removeDepartmentMember,
  setDepartmentHeads,
  setUserDepartments,
  updateDepartment,
} from "./departments";
import { primaryDepartment, userDepartments } from "./directory";
import { createRole, createRoleGroup, deleteRoleGroup, listRoleGroups, setUserRoles } from "./roles";

describe.each(testDatabases())("departments and roles on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  const user = async (name: string) => {
    const id = newId();
    await db
      .insertInto("users")
      .values({ id, email: `${name}@example.com`, name, password_hash: "x" })
      .execute();
    return id;
  };
  beforeAll(async () => {
    ({ db, close } = await create());
  });
  afterAll(() => close());

  it("lists the tree parents first, siblings in their order, with heads and member counts", async () => {
    const root = await createDepartment(db, { name: "Root" });
    const b = await createDepartment(db, { name: "B", parentId: root.id });
    const a = await createDepartment(db, { name: "A", parentId: root.id, sortOrder: -1 });
    const b1 = await createDepartment(db, { name: "B1", parentId: b.id });
    const head = await user("tree-head");
    await setDepartmentHeads(db, b.id, [head]);
    const list = (await listDepartments(db)).filter((x) => [root.id, a.id, b.id, b1.id].includes(x.id));
    expect(list.map((x) => x.name)).toEqual(["Root", "A", "B", "B1"]);
    expect(list[2]).toMatchObject({ parentId: root.id, memberCount: 1, headIds: [head] });
    await updateDepartment(db, a.id, { sortOrder: 10 });
    const again = (await listDepartments(db)).filter((x) => [root.id, a.id, b.id, b1.id].includes(x.id));
    expect(again.map((x) => x.name)).toEqual(["Root", "B", "B1", "A"]);
  });

  it("refuses a sibling with the same name, at /name; other parents may reuse it", async () => {
    const p = await createDepartment(db, { name: "Names" });
    await createDepartment(db, { name: "Ops", parentId: p.id });
    const error = await failure(createDepartment(db, { name: "Ops", parentId: p.id }));
    expect(error.code).toBe("UNIQUE_VIOLATION");
    expect(error.details[0]?.path).toBe("/name");
    const other = await createDepartment(db, { name: "Ops" });
    const move = await failure(moveDepartment(db, other.id, { parentId: p.id }));
    expect(move.code).toBe("UNIQUE_VIOLATION");
    expect((await failure(createDepartment(db, { name: "X", parentId: newId() }))).details[0]?.path).toBe(
      "/parentId",
    );
  });

  it("deletes only an empty department", async () => {
    const p = await createDepartment(db, { name: "Busy" });
    const c = await createDepartment(db, { name: "Child", parentId: p.id });
    expect((await failure(deleteDepartment(db, p.id))).details[0]?.code).toBe("HAS_CHILDREN");
    const m = await user("busy-member");
    await addDepartmentMembers(db, c.id, [m]);
    expect((await failure(deleteDepartment(db, c.id))).details[0]?.code).toBe("HAS_MEMBERS");
    await removeDepartmentMember(db, c.id, m);
    await deleteDepartment(db, c.id);
    await deleteDepartment(db, p.id);
    expect(await getDepartment(db, p.id)).toBeNull();
    expect((await failure(deleteDepartment(db, p.id))).code).toBe("NOT_FOUND");
  });

  it("keeps exactly one primary department per member", async () => {
    const x = await createDepartment(db, { name: "PX" });
    const y = await createDepartment(db, { name: "PY" });
    const z = await createDepartment(db, { name: "PZ" });
    const m = await user("primary-member");
    await addDepartmentMembers(db, x.id, [m]);
    await addDepartmentMembers(db, y.id, [m, m]);
    expect(await primaryDepartment(db, m)).toBe(x.id);
    await removeDepartmentMember(db, x.id, m);
    expect(await primaryDepartment(db, m)).toBe(y.id);
    await setUserDepartments(db, m, [x.id, z.id], z.id);
    expect(await userDepartments(db, m, false)).toEqual([z.id, x.id]);
    const bad = await failure(setUserDepartments(db, m, [x.id, "nope"]));
    expect(bad.details[0]?.path).toBe("/departmentIds/1");
    expect((await failure(setUserDepartments(db, m, [x.id], y.id))).details[0]?.path).toBe(
      "/primaryDepartmentId",
    );
    await setUserDepartments(db, m, []);
    expect(await userDepartments(db, m, false)).toEqual([]);
    const unknown = await failure(addDepartmentMembers(db, x.id, [m, newId()]));
    expect(unknown.details[0]?.path).toBe("/userIds/1");
  });

  it("setting heads makes them members and replaces the previous heads", async () => {
    const dep = await createDepartment(db, { name: "Heads" });
    const [a, b] = [await user("head-a"), await user("head-b")];
    await setDepartmentHeads(db, dep.id, [a]);
    await setDepartmentHeads(db, dep.id, [b]);
    expect(await getDepartment(db, dep.id)).toMatchObject({ memberCount: 2, headIds: [b] });
    await setDepartmentHeads(db, dep.id, []);
    expect((await getDepartment(db, dep.id))?.headIds).toEqual([]);
  });

  it("role groups hold roles; a group with roles is not deleted; user roles are replaced", async () => {
    const g = await createRoleGroup(db, { name: "Jobs" });
    const r1 = await createRole(db, { groupId: g.id, name: "Buyer" });
    const r2 = await createRole(db, { groupId: g.id, name: "Seller" });
    expect((await failure(createRole(db, { groupId: g.id, name: "Buyer" }))).details[0]?.path).toBe("/name");
    expect((await failure(createRole(db, { groupId: newId(), name: "Z" }))).details[0]?.path).toBe(
      "/groupId",
    );
    expect((await failure(deleteRoleGroup(db, g.id))).code).toBe("CONFLICT");
    const m = await user("role-member");
    await setUserRoles(db, m, [r1.id, r2.id]);
    await setUserRoles(db, m, [r2.id]);
    const groups = await listRoleGroups(db);
    const roles = groups.find((x) => x.id === g.id)?.roles;
    expect(roles?.map((r) => [r.name, r.memberCount])).toEqual([
      ["Buyer", 0],
      ["Seller", 1],
    ]);
    expect((await failure(setUserRoles(db, m, [newId()]))).details[0]?.path).toBe("/roleIds/0");
  });
});
