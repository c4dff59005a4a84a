// The member kind `all` (全部成员) and migration 0021, which gives every form that has no permission
// set a "manage all" set for all members so that closing set-less forms (issue 6) changes nobody's
// rights on an upgrade.
import { closedFormsMigration } from "@formwork/db/testing";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "../databases";
import { publishedForm } from "../fixtures";
import { errorOf, startTestApp, type TestApp } from "../harness";
import { addSet, dealsForm, makeOrg, type Org } from "../permissions-fixtures";

describe.each(testDatabases())("security: all members and migration 0021 ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let deals: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "all");
    deals = (await dealsForm(t, "all_deals")).formId;
  });
  afterAll(async () => t?.close());

  const records = (form: string) => `/api/forms/${form}/records`;

  it("a set for all members includes everyone; `all` names no id and the others need one", async () => {
    const bad = await t.admin.request("POST", `/api/forms/${deals}/permission-sets`, {
      name: "Bad",
      kind: "submit",
      members: [{ type: "all", id: org.alice.id }],
    });
    expect(errorOf(bad)).toMatchObject({ status: 422, path: "/members/0/id" });
    const noId = await t.admin.request("POST", `/api/forms/${deals}/permission-sets`, {
      name: "Bad",
      kind: "submit",
      members: [{ type: "role" }],
    });
    expect(errorOf(noId)).toMatchObject({ status: 422, path: "/members/0/id" });
    const set = await addSet(t, deals, {
      name: "Everyone submits",
      kind: "submit",
      members: [{ type: "all" }, { type: "all" }],
    });
    const stored = await t.admin.request("GET", `/api/permission-sets/${set.id}`);
    expect(stored.json().members).toEqual([{ type: "all" }]);
    for (const who of [org.alice, org.bob, org.carol, org.dave]) {
      const posted = await who.request("POST", records(deals), { data: { title: "mine" } });
      expect(posted.statusCode, posted.body).toBe(201);
      // submit only: no reading.
      expect((await who.request("GET", records(deals))).statusCode).toBe(403);
    }
  });

  it("migration 0021 gives a form without sets a manage-all set for all members, and leaves the others", async () => {
    const legacy = await publishedForm(t, {
      key: "all_legacy",
      name: "Legacy",
      fields: [{ id: "title", type: "text", label: "Title" }],
    });
    // Closed today: a form without sets is for its admins only.
    expect((await org.alice.request("GET", records(legacy))).statusCode).toBe(403);
    // Back to before 0021 (its `everyone` rows go), then up again as an upgrade runs it.
    const db = t.db as unknown as Kysely<unknown>;
    await closedFormsMigration.down(db);
    await closedFormsMigration.up(db);
    t.app.credentialCache.forgetAccess();
    // The deals form had a set: it gets none.
    const dealSets = (await t.admin.request("GET", `/api/forms/${deals}/permission-sets`)).json().sets;
    expect(dealSets.map((s: { name: string }) => s.name)).toEqual(["Everyone submits"]);
    expect((await org.alice.request("GET", records(deals))).statusCode).toBe(403);

    const sets = (await t.admin.request("GET", `/api/forms/${legacy}/permission-sets`)).json().sets;
    expect(sets).toMatchObject([
      { kind: "manage_all", rowCondition: null, fields: {}, members: [{ type: "all" }] },
    ]);
    expect([...sets[0].actions].sort()).toEqual(
      ["comment", "create", "delete", "edit", "export", "import", "print", "view"].sort(),
    );
    for (const who of [org.alice, org.bob, org.dave]) {
      const posted = await who.request("POST", records(legacy), { data: { title: "still open" } });
      expect(posted.statusCode, posted.body).toBe(201);
      expect((await who.request("GET", records(legacy))).statusCode).toBe(200);
      expect((await who.request("GET", `/api/forms/${legacy}/export?format=csv`)).statusCode).toBe(200);
    }
  });
});
