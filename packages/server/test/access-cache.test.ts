// The access-facts cache (departments, roles, app admins and matching permission sets, remembered for
// seconds): a change made through this process is obeyed by the very next request. Each case warms
// the cache with an allowed create first, so a stale entry would let the second one through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessFactsCache } from "../src/plugins/permissions/access-cache";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet, dealsForm, makeOrg, type Org } from "./permissions-fixtures";

describe("AccessFactsCache", () => {
  const facts = (n: number) => ({
    appAdmin: false,
    sets: [],
    org: { departments: [], primaryDepartmentId: null, departmentsWithSub: [], roles: [String(n)] },
  });

  it("serves fresh entries, reloads expired ones and never stores an answer that raced a forget", async () => {
    let now = 0;
    const cache = new AccessFactsCache(1_000, () => now);
    let loads = 0;
    const load = async () => facts(++loads);
    expect((await cache.get("u", "f", load)).org.roles).toEqual(["1"]);
    expect((await cache.get("u", "f", load)).org.roles).toEqual(["1"]);
    now = 1_000;
    expect((await cache.get("u", "f", load)).org.roles).toEqual(["2"]);
    cache.forget("u");
    expect((await cache.get("u", "f", load)).org.roles).toEqual(["3"]);
    // A load in flight while access changes answers its caller but is not remembered.
    cache.forget(null);
    const racing = cache.get("u", "f", async () => {
      cache.forget(null);
      return facts(99);
    });
    expect((await racing).org.roles).toEqual(["99"]);
    expect((await cache.get("u", "f", load)).org.roles).toEqual(["4"]);
    // Forgetting another user keeps this one's entry.
    cache.forget("someone-else");
    expect((await cache.get("u", "f", load)).org.roles).toEqual(["4"]);
  });
});

describe.each(testDatabases())("access facts cache ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let forms = 0;
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "ac");
  });
  afterAll(async () => t?.close());

  /** A form closed by a set for carol alone, plus `members`' set; returns the records URL and set id. */
  async function closedForm(members: Record<string, unknown>[]) {
    forms += 1;
    const { formId, appId } = await dealsForm(t, `acdeals${forms}`);
    await addSet(t, formId, { name: "Carol", kind: "submit", members: [{ type: "user", id: org.carol.id }] });
    const set = await addSet(t, formId, { name: "Writers", kind: "submit", members });
    return { formId, appId, url: `/api/forms/${formId}/records`, set };
  }

  const create = (who: Org["alice"], url: string) => who.request("POST", url, { data: { title: "x" } });

  it("a revoked permission set is refused at once (update, then delete)", async () => {
    const { url, set } = await closedForm([
      { type: "user", id: org.alice.id },
      { type: "user", id: org.bob.id },
    ]);
    expect((await create(org.alice, url)).statusCode).toBe(201);
    expect((await create(org.bob, url)).statusCode).toBe(201);
    const updated = await t.admin.request(
      "PUT",
      `/api/permission-sets/${set.id}`,
      { name: "Writers", kind: "submit", members: [{ type: "user", id: org.bob.id }] },
      { "if-match": String(set.version) },
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(errorOf(await create(org.alice, url))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((await create(org.bob, url)).statusCode).toBe(201);
    expect((await t.admin.request("DELETE", `/api/permission-sets/${set.id}`)).statusCode).toBe(204);
    expect(errorOf(await create(org.bob, url))).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("a new set is obeyed at once", async () => {
    const { formId, url } = await closedForm([{ type: "user", id: org.bob.id }]);
    expect(errorOf(await create(org.dave, url)).code).toBe("FORBIDDEN");
    await addSet(t, formId, { name: "Dave", kind: "submit", members: [{ type: "user", id: org.dave.id }] });
    expect((await create(org.dave, url)).statusCode).toBe(201);
  });

  it("a member moved out of the set's department is refused at once", async () => {
    const { url } = await closedForm([{ type: "department", id: org.sales, includeSub: true }]);
    const moving = await t.newUser("ac-mover@example.com");
    const added = await t.admin.request("POST", `/api/org/departments/${org.east}/members`, {
      userIds: [moving.id],
    });
    expect(added.statusCode, added.body).toBeLessThan(300);
    expect((await create(moving, url)).statusCode).toBe(201);
    const removed = await t.admin.request("DELETE", `/api/org/departments/${org.east}/members/${moving.id}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect(errorOf(await create(moving, url))).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("a role taken away is refused at once", async () => {
    const { url } = await closedForm([{ type: "role", id: org.role }]);
    const holder = await t.newUser("ac-role@example.com");
    const added = await t.admin.request("POST", `/api/org/roles/${org.role}/members`, {
      userIds: [holder.id],
    });
    expect(added.statusCode, added.body).toBeLessThan(300);
    expect((await create(holder, url)).statusCode).toBe(201);
    const removed = await t.admin.request("DELETE", `/api/org/roles/${org.role}/members/${holder.id}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect(errorOf(await create(holder, url))).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("an app admin removed from the app is refused at once", async () => {
    const { url, appId } = await closedForm([{ type: "user", id: org.bob.id }]);
    const admins = (userIds: string[]) => t.admin.request("PUT", `/api/apps/${appId}/admins`, { userIds });
    expect((await admins([org.dave.id])).statusCode).toBe(200);
    expect((await create(org.dave, url)).statusCode).toBe(201);
    expect((await admins([])).statusCode).toBe(200);
    expect(errorOf(await create(org.dave, url)).code).toBe("FORBIDDEN");
  });

  it("a disabled member is refused at once", async () => {
    const leaver = await t.newUser("ac-leaver@example.com");
    const { url } = await closedForm([
      { type: "user", id: leaver.id },
      { type: "user", id: org.alice.id },
    ]);
    expect((await create(leaver, url)).statusCode).toBe(201);
    expect((await t.admin.request("POST", `/api/org/members/${leaver.id}/disable`)).statusCode).toBe(200);
    expect((await create(leaver, url)).statusCode).toBe(401);
    expect((await create(org.alice, url)).statusCode).toBe(201);
  });
});
