// Permission sets end to end: the presets, custom actions, field levels on every read and write path,
// row conditions with each dynamic value, filter/sort/search oracles on hidden fields, IDOR across apps
// and forms, and no escalation through the permission routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet, DEALS, dealsForm, type Member, makeOrg, type Org, whileOpen } from "./permissions-fixtures";
import { PNG } from "./upload-fixtures";
import { download, upload } from "./uploads";

describe.each(testDatabases())("permission sets ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let forms = 0;
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "p");
  });
  afterAll(async () => t?.close());

  /**
   * A fresh form without sets (closed to members) holding one record by each of alice, bob and carol,
   * made through a set for all members that is deleted afterwards.
   */
  async function formWithRecords() {
    forms += 1;
    const { formId, appId } = await dealsForm(t, `deals${forms}`);
    const url = `/api/forms/${formId}/records`;
    const ids: Record<string, string> = {};
    await whileOpen(t, formId, async () => {
      for (const [name, who, amount] of [
        ["alice", org.alice, 10],
        ["bob", org.bob, 20],
        ["carol", org.carol, 30],
      ] as const) {
        const r = await who.request("POST", url, {
          data: { title: `${name} deal`, amount, secret: `${name}-secret`, rep: who.id, stage: "new" },
        });
        expect(r.statusCode, r.body).toBe(201);
        ids[name] = r.json().id;
      }
    });
    return { formId, appId, url, ids };
  }

  const titles = async (who: Member, url: string, query = "") => {
    const r = await who.request("GET", `${url}${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().records as { data: { title: string } }[]).map((x) => x.data.title).sort();
  };

  it("a form without sets is closed to members; its first set opens it to its members only", async () => {
    const { formId, url, ids } = await formWithRecords();
    expect(errorOf(await org.alice.request("GET", url))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    await addSet(t, formId, {
      name: "Alice only",
      kind: "view_all",
      members: [{ type: "user", id: org.alice.id }],
    });
    expect(await titles(org.alice, url)).toEqual(["alice deal", "bob deal", "carol deal"]);
    expect(errorOf(await org.dave.request("GET", url))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((await org.dave.request("GET", `${url}/${ids.alice}`)).statusCode).toBe(404);
    expect((await org.dave.request("GET", `${url}/${ids.alice}/history`)).statusCode).toBe(404);
    expect(errorOf(await org.dave.request("POST", url, { data: { title: "x" } })).code).toBe("FORBIDDEN");
    // System admins keep everything.
    expect(await titles(t.admin as Member, url)).toHaveLength(3);
  });

  it("submit only (仅提交): may add, may not see anything, not even what they added", async () => {
    const { formId, url, ids } = await formWithRecords();
    await addSet(t, formId, {
      name: "Submitters",
      kind: "submit",
      members: [{ type: "user", id: org.alice.id }],
    });
    const created = await org.alice.request("POST", url, { data: { title: "new one", amount: 1 } });
    expect(created.statusCode).toBe(201);
    expect(errorOf(await org.alice.request("GET", url)).status).toBe(403);
    expect((await org.alice.request("GET", `${url}/${created.json().id}`)).statusCode).toBe(404);
    const patch = await org.alice.request(
      "PATCH",
      `${url}/${ids.alice}`,
      { data: { amount: 2 } },
      { "if-match": "1" },
    );
    expect(errorOf(patch)).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((await org.alice.request("DELETE", `${url}/${ids.alice}`)).statusCode).toBe(403);
  });

  it("submit and manage own data (提交并管理本人数据): only their own records, on every path", async () => {
    const { formId, url, ids } = await formWithRecords();
    await addSet(t, formId, {
      name: "Own",
      kind: "submit_own",
      members: [{ type: "department", id: org.sales, includeSub: true }],
    });
    expect(await titles(org.bob, url)).toEqual(["bob deal"]);
    const page = await org.bob.request("GET", `${url}?count=true`);
    expect(page.json().count).toEqual({ value: 1, exact: true });
    // Filters, sorts and searches only ever narrow the own records.
    expect(await titles(org.bob, url, `?q=deal&sort=-amount`)).toEqual(["bob deal"]);
    expect(
      await titles(org.bob, url, `?filter=${encodeURIComponent('{">": [{"var": "amount"}, 0]}')}`),
    ).toEqual(["bob deal"]);
    expect((await org.bob.request("GET", `${url}/${ids.alice}`)).statusCode).toBe(404);
    expect((await org.bob.request("GET", `${url}/${ids.alice}/history`)).statusCode).toBe(404);
    const foreign = await org.bob.request(
      "PATCH",
      `${url}/${ids.alice}`,
      { data: { amount: 5 } },
      { "if-match": "1" },
    );
    expect(foreign.statusCode).toBe(404);
    expect((await org.bob.request("DELETE", `${url}/${ids.alice}`)).statusCode).toBe(404);
    const own = await org.bob.request(
      "PATCH",
      `${url}/${ids.bob}`,
      { data: { amount: 21 } },
      { "if-match": "1" },
    );
    expect(own.statusCode, own.body).toBe(200);
    expect((await org.bob.request("DELETE", `${url}/${ids.bob}`)).statusCode).toBe(200);
    // Carol is in no department: not in the set.
    expect((await org.carol.request("GET", url)).statusCode).toBe(403);
  });

  it("view all (查看全部数据) reads everything and writes nothing; manage all (管理全部数据) does everything", async () => {
    const { formId, url, ids } = await formWithRecords();
    await addSet(t, formId, { name: "Viewers", kind: "view_all", members: [{ type: "role", id: org.role }] });
    await addSet(t, formId, {
      name: "Managers",
      kind: "manage_all",
      members: [{ type: "user", id: org.dave.id }],
    });
    expect(await titles(org.carol, url)).toHaveLength(3);
    expect((await org.carol.request("POST", url, { data: { title: "x" } })).statusCode).toBe(403);
    const edit = await org.carol.request(
      "PATCH",
      `${url}/${ids.bob}`,
      { data: { amount: 1 } },
      { "if-match": "1" },
    );
    expect(edit.statusCode).toBe(403);
    expect(await titles(org.dave, url)).toHaveLength(3);
    const managed = await org.dave.request(
      "PATCH",
      `${url}/${ids.bob}`,
      { data: { amount: 99 } },
      { "if-match": "1" },
    );
    expect(managed.statusCode, managed.body).toBe(200);
    expect((await org.dave.request("DELETE", `${url}/${ids.carol}`)).statusCode).toBe(200);
    expect((await org.dave.request("POST", `${url}/${ids.carol}/restore`)).statusCode).toBe(200);
  });

  it("custom actions: view and edit without delete or create", async () => {
    const { formId, url, ids } = await formWithRecords();
    await addSet(t, formId, {
      name: "Editors",
      kind: "custom",
      actions: ["view", "edit"],
      members: [{ type: "user", id: org.alice.id }],
    });
    const edit = await org.alice.request(
      "PATCH",
      `${url}/${ids.bob}`,
      { data: { stage: "won" } },
      { "if-match": "1" },
    );
    expect(edit.statusCode, edit.body).toBe(200);
    expect(errorOf(await org.alice.request("DELETE", `${url}/${ids.bob}`)).code).toBe("FORBIDDEN");
    expect(errorOf(await org.alice.request("POST", url, { data: { title: "x" } })).code).toBe("FORBIDDEN");
    const rights = await org.alice.request("GET", `/api/forms/${formId}/my-rights`);
    expect(rights.json()).toMatchObject({ actions: ["view", "edit"], rowScoped: false, canDesign: false });
  });

  it("field levels: hidden never leaves the server, view is read-only, edit is editable", async () => {
    const { formId, url, ids } = await formWithRecords();
    await addSet(t, formId, {
      name: "Limited",
      kind: "custom",
      actions: ["view", "create", "edit"],
      fields: { secret: "hidden", amount: "view" },
      members: [{ type: "user", id: org.bob.id }],
    });
    // An admin edit of the secret makes a history entry bob must not see.
    const adminEdit = await t.admin.request(
      "PATCH",
      `${url}/${ids.alice}`,
      { data: { secret: "changed", stage: "won" } },
      { "if-match": "1" },
    );
    expect(adminEdit.statusCode).toBe(200);
    await t.admin.request("PATCH", `${url}/${ids.alice}`, { data: { secret: "again" } }, { "if-match": "2" });

    const list = await org.bob.request("GET", url);
    expect(list.body).not.toContain("secret");
    for (const record of list.json().records) expect(Object.keys(record.data)).not.toContain("secret");
    const one = await org.bob.request("GET", `${url}/${ids.alice}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().data).not.toHaveProperty("secret");
    expect(one.json().data).toMatchObject({ title: "alice deal", amount: 10, stage: "won" });
    const history = await org.bob.request("GET", `${url}/${ids.alice}/history`);
    expect(history.body).not.toContain("secret");
    expect(history.body).not.toContain("changed");
    // The update that touched only the secret is gone; the one that changed the stage too stays.
    expect(history.json().revisions.map((r: { action: string }) => r.action)).toEqual(["create", "update"]);

    // Oracles: filtering, sorting, projecting or searching on the hidden field is refused or blind.
    const byFilter = await org.bob.request(
      "GET",
      `${url}?filter=${encodeURIComponent('{"==": [{"var": "secret"}, "alice-secret"]}')}`,
    );
    expect(errorOf(byFilter)).toEqual({ status: 403, code: "FORBIDDEN_FIELD", path: "/filter/==/0" });
    expect(errorOf(await org.bob.request("GET", `${url}?sort=title,-secret`))).toEqual({
      status: 403,
      code: "FORBIDDEN_FIELD",
      path: "/sort/1",
    });
    expect(errorOf(await org.bob.request("GET", `${url}?fields=title,secret`))).toEqual({
      status: 403,
      code: "FORBIDDEN_FIELD",
      path: "/fields/1",
    });
    expect(await titles(org.bob, url, "?q=again")).toEqual([]);
    expect(await titles(org.bob, url, "?q=alice")).toEqual(["alice deal"]);

    // Saved views: a hidden field in a view's filter or sort is refused as in the list.
    const views = `/api/forms/${formId}/views`;
    const viewFilter = { name: "v1", filter: { "==": [{ var: "secret" }, "x"] } };
    expect(errorOf(await org.bob.request("POST", views, viewFilter))).toEqual({
      status: 403,
      code: "FORBIDDEN_FIELD",
      path: "/filter/==/0",
    });
    const viewSort = { name: "v2", sort: [{ field: "secret", direction: "asc" }] };
    expect(errorOf(await org.bob.request("POST", views, viewSort))).toMatchObject({
      status: 403,
      path: "/sort/0/field",
    });
    expect(
      (await org.bob.request("POST", views, { name: "v3", sort: [{ field: "title" }] })).statusCode,
    ).toBe(201);

    // Writes: the view-only field is refused with a pointer, the hidden one too; unchanged values pass.
    const readOnly = await org.bob.request(
      "PATCH",
      `${url}/${ids.bob}`,
      { data: { amount: 1 } },
      { "if-match": "1" },
    );
    expect(errorOf(readOnly)).toEqual({ status: 403, code: "READ_ONLY_FIELD", path: "/data/amount" });
    const hidden = await org.bob.request(
      "PATCH",
      `${url}/${ids.bob}`,
      { data: { secret: "x" } },
      { "if-match": "1" },
    );
    expect(errorOf(hidden)).toEqual({ status: 403, code: "FORBIDDEN_FIELD", path: "/data/secret" });
    const same = await org.bob.request(
      "PATCH",
      `${url}/${ids.bob}`,
      { data: { amount: 20, stage: "won" } },
      { "if-match": "1" },
    );
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().data).not.toHaveProperty("secret");
    // The hidden value survives bob's edit.
    const stored = await t.admin.request("GET", `${url}/${ids.bob}`);
    expect(stored.json().data.secret).toBe("bob-secret");
    const createHidden = await org.bob.request("POST", url, { data: { title: "t", secret: "s" } });
    expect(errorOf(createHidden)).toEqual({ status: 403, code: "FORBIDDEN_FIELD", path: "/data/secret" });
    const rights = await org.bob.request("GET", `/api/forms/${formId}/my-rights`);
    expect(rights.json().fields).toMatchObject({ secret: "hidden", amount: "view", title: "edit" });
  });

  it("files: a file in a hidden field is not downloadable; one in a visible field is, for readers only", async () => {
    forms += 1;
    const { formId } = await dealsForm(t, `photos${forms}`);
    const definition = {
      ...DEALS,
      key: `photos${forms}`,
      fields: [
        ...DEALS.fields,
        { id: "photo", type: "image", label: "Photo" },
        { id: "proof", type: "image", label: "Proof" },
      ],
    };
    expect((await t.admin.request("PUT", `/api/forms/${formId}`, definition)).statusCode).toBe(200);
    expect((await t.admin.request("POST", `/api/forms/${formId}/publish`)).statusCode).toBe(200);
    const [photo, proof] = await Promise.all(
      ["photo.png", "proof.png"].map(async (name) =>
        (await upload(t, t.adminToken, { name, type: "image/png", bytes: PNG })).json(),
      ),
    );
    const record = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: {
        title: "with files",
        photo: [{ id: photo.id, name: "photo.png", size: PNG.length, type: "image/png" }],
        proof: [{ id: proof.id, name: "proof.png", size: PNG.length, type: "image/png" }],
      },
    });
    expect(record.statusCode, record.body).toBe(201);
    await addSet(t, formId, {
      name: "No proof",
      kind: "view_all",
      fields: { proof: "hidden" },
      members: [{ type: "user", id: org.bob.id }],
    });
    expect((await download(t, org.bob.token, photo.id)).statusCode).toBe(200);
    expect((await download(t, org.bob.token, proof.id)).statusCode).toBe(404);
    expect((await download(t, org.dave.token, photo.id)).statusCode).toBe(404);
    expect((await download(t, t.adminToken, proof.id)).statusCode).toBe(200);
  });

  it("row conditions with $user, $user.departments, $user.departmentsWithSub and the record's department", async () => {
    const { formId, url } = await formWithRecords();
    // Alice's record belongs to Sales, bob's to East, carol's to no department.
    await addSet(t, formId, {
      name: "Rep is me",
      kind: "custom",
      actions: ["view"],
      rowCondition: { "==": [{ var: "rep" }, { var: "$user" }] },
      members: [{ type: "user", id: org.carol.id }],
    });
    await addSet(t, formId, {
      name: "My departments",
      kind: "custom",
      actions: ["view"],
      rowCondition: { in: [{ var: "$deptId" }, { var: "$user.departments" }] },
      members: [{ type: "user", id: org.bob.id }],
    });
    await addSet(t, formId, {
      name: "My departments and below",
      kind: "custom",
      actions: ["view"],
      rowCondition: { in: [{ var: "$deptId" }, { var: "$user.departmentsWithSub" }] },
      members: [{ type: "user", id: org.alice.id }],
    });
    expect(await titles(org.carol, url)).toEqual(["carol deal"]);
    expect(await titles(org.bob, url)).toEqual(["bob deal"]);
    expect(await titles(org.alice, url)).toEqual(["alice deal", "bob deal"]);
    const rights = await org.alice.request("GET", `/api/forms/${formId}/my-rights`);
    expect(rights.json().rowScoped).toBe(true);
  });

  it("the union of sets: a second set widens rows and fields; an edit may not move a record out of scope", async () => {
    const { formId, url, ids } = await formWithRecords();
    await addSet(t, formId, {
      name: "Own new deals",
      kind: "custom",
      actions: ["view", "edit"],
      fields: { secret: "hidden" },
      rowCondition: {
        and: [{ "==": [{ var: "$ownerId" }, { var: "$user" }] }, { "==": [{ var: "stage" }, "new"] }],
      },
      members: [{ type: "user", id: org.alice.id }],
    });
    const out = await org.alice.request(
      "PATCH",
      `${url}/${ids.alice}`,
      { data: { stage: "won" } },
      { "if-match": "1" },
    );
    expect(errorOf(out)).toMatchObject({ status: 403, code: "FORBIDDEN", path: "/data" });
    const unchanged = await t.admin.request("GET", `${url}/${ids.alice}`);
    expect(unchanged.json()).toMatchObject({ version: 1, data: { stage: "new" } });
    expect(await titles(org.alice, url)).toEqual(["alice deal"]);
    await addSet(t, formId, {
      name: "Everyone's, secret shown",
      kind: "view_all",
      fields: { secret: "view" },
      members: [{ type: "department", id: org.sales }],
    });
    expect(await titles(org.alice, url)).toEqual(["alice deal", "bob deal", "carol deal"]);
    const withSecret = await org.alice.request("GET", `${url}/${ids.bob}`);
    expect(withSecret.json().data.secret).toBe("bob-secret");
    // Seeing is not editing: bob's record is outside alice's edit scope.
    const foreign = await org.alice.request(
      "PATCH",
      `${url}/${ids.bob}`,
      { data: { stage: "x" } },
      { "if-match": "1" },
    );
    expect(foreign.statusCode).toBe(404);
  });

  it("validates sets: unknown fields and bad row conditions with pointers, presets fixed, closed bodies", async () => {
    const { formId } = await formWithRecords();
    const post = (body: unknown) => t.admin.request("POST", `/api/forms/${formId}/permission-sets`, body);
    expect(errorOf(await post({ name: "a", kind: "view_all", fields: { nope: "view" } }))).toEqual({
      status: 422,
      code: "UNKNOWN_FIELD",
      path: "/fields/nope",
    });
    expect(
      errorOf(
        await post({
          name: "b",
          kind: "custom",
          actions: ["view"],
          rowCondition: { "==": [{ var: "nope" }, 1] },
        }),
      ),
    ).toMatchObject({ status: 422, code: "UNKNOWN_FIELD", path: "/rowCondition/==/0" });
    expect(
      errorOf(
        await post({
          name: "c",
          kind: "custom",
          actions: ["view"],
          rowCondition: { "==": [{ var: "amount" }, "x"] },
        }),
      ),
    ).toMatchObject({ status: 400, path: "/rowCondition/==/1" });
    expect(errorOf(await post({ name: "d", kind: "view_all", actions: ["view", "edit"] }))).toMatchObject({
      status: 422,
      path: "/actions",
    });
    expect(errorOf(await post({ name: "e", kind: "custom", actions: ["edit"] }))).toMatchObject({
      status: 422,
      path: "/actions/0",
    });
    expect(errorOf(await post({ name: "f", kind: "view_all", fields: { amount: "edit" } }))).toMatchObject({
      status: 422,
      path: "/fields/amount",
    });
    const extra = await post({ name: "g", kind: "view_all", id: "x", formId: "y", version: 9 });
    expect(extra.statusCode).toBe(422);
    expect(extra.json().error.details.map((d: { path: string }) => d.path)).toContain("/id");
    expect(
      errorOf(
        await post({
          name: "h",
          kind: "view_all",
          members: [{ type: "user", id: "0190a000-0000-7000-8000-000000000000" }],
        }),
      ),
    ).toMatchObject({ status: 404, path: "/members/0/id" });
    const ok = await post({ name: "i", kind: "submit_own", members: [{ type: "role", id: org.role }] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      kind: "submit_own",
      actions: ["create", "view", "edit", "delete", "comment"],
      rowCondition: { "==": [{ var: "$ownerId" }, { var: "$user" }] },
      members: [{ type: "role", id: org.role }],
    });
    const renamed = await t.admin.request(
      "PUT",
      `/api/permission-sets/${ok.json().id}`,
      { name: "i2", kind: "view_all" },
      { "if-match": "1" },
    );
    expect(renamed.json()).toMatchObject({ name: "i2", version: 2, members: [] });
    const stale = await t.admin.request(
      "PUT",
      `/api/permission-sets/${ok.json().id}`,
      { name: "i3", kind: "view_all" },
      { "if-match": "1" },
    );
    expect(errorOf(stale).code).toBe("VERSION_CONFLICT");
  });

  it("app admins manage their app's forms only; nobody grants what they do not hold", async () => {
    const a = await formWithRecords();
    const b = await formWithRecords();
    // Only system admins name app admins.
    expect(
      (await org.alice.request("PUT", `/api/apps/${a.appId}/admins`, { userIds: [org.alice.id] })).statusCode,
    ).toBe(403);
    const named = await t.admin.request("PUT", `/api/apps/${a.appId}/admins`, { userIds: [org.alice.id] });
    expect(named.json().admins).toEqual([expect.objectContaining({ userId: org.alice.id })]);
    // The app tells each caller whether they administer it (the workspace shows automations, webhooks).
    const canManage = async (who: Member, appId: string) =>
      (await who.request("GET", `/api/apps/${appId}`)).json().canManage;
    expect(await canManage(org.alice, a.appId)).toBe(true);
    expect(await canManage(org.alice, b.appId)).toBe(false);
    expect(await canManage(org.bob, a.appId)).toBe(false);
    expect(await canManage(t.admin as Member, b.appId)).toBe(true);
    expect(
      (await org.alice.request("PUT", `/api/apps/${a.appId}/admins`, { userIds: [org.alice.id, org.bob.id] }))
        .statusCode,
    ).toBe(403);

    // In app A alice has everything and manages sets.
    expect(await titles(org.alice, a.url)).toHaveLength(3);
    const set = await addSet(
      t,
      a.formId,
      { name: "Bob views", kind: "view_all", members: [{ type: "user", id: org.bob.id }] },
      org.alice,
    );
    expect(
      (await org.alice.request("GET", `/api/forms/${a.formId}/permission-sets`)).json().sets,
    ).toHaveLength(1);
    const rights = await org.alice.request("GET", `/api/forms/${a.formId}/my-rights`);
    expect(rights.json()).toMatchObject({ appAdmin: true, canDesign: true, canManagePermissions: true });

    // She designs app A's forms (new forms, drafts, publishing), not app B's.
    expect((await org.alice.request("POST", `/api/forms/${a.formId}/publish`)).statusCode).toBe(200);
    const draft = { ...DEALS, key: "more" };
    const created = await org.alice.request("POST", `/api/apps/${a.appId}/forms`, draft);
    expect(created.statusCode).toBe(201);
    // An unpublished form: its designers may open every page (they say "not published"), others nothing.
    const draftRights = await org.alice.request("GET", `/api/forms/${created.json().id}/my-rights`);
    expect(draftRights.json()).toMatchObject({ canDesign: true, actions: expect.arrayContaining(["view"]) });
    const bobDraft = await org.bob.request("GET", `/api/forms/${created.json().id}/my-rights`);
    expect(bobDraft.json()).toMatchObject({ canDesign: false, actions: [] });
    expect((await org.alice.request("POST", `/api/apps/${b.appId}/forms`, draft)).statusCode).toBe(403);
    expect((await org.alice.request("POST", `/api/forms/${b.formId}/publish`)).statusCode).toBe(403);
    expect((await org.bob.request("POST", `/api/forms/${a.formId}/publish`)).statusCode).toBe(403);

    // In app B she is a plain member: no sets to see or add, and B's set ids answer 404.
    const other = await addSet(t, b.formId, {
      name: "Carol",
      kind: "view_all",
      members: [{ type: "user", id: org.carol.id }],
    });
    expect((await org.alice.request("GET", `/api/forms/${b.formId}/permission-sets`)).statusCode).toBe(403);
    expect(
      (
        await org.alice.request("POST", `/api/forms/${b.formId}/permission-sets`, {
          name: "me",
          kind: "manage_all",
          members: [{ type: "user", id: org.alice.id }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await org.alice.request("GET", `/api/permission-sets/${other.id}`)).statusCode).toBe(404);
    expect(
      (
        await org.alice.request("PUT", `/api/permission-sets/${other.id}`, {
          name: "me",
          kind: "manage_all",
          members: [{ type: "user", id: org.alice.id }],
        })
      ).statusCode,
    ).toBe(404);
    expect((await org.alice.request("DELETE", `/api/permission-sets/${other.id}`)).statusCode).toBe(404);
    expect(await titles(org.carol, b.url)).toHaveLength(3);
    // B is closed to alice now; a record id of app B under app A's form is not found (no IDOR).
    expect((await org.alice.request("GET", b.url)).statusCode).toBe(403);
    expect((await org.alice.request("GET", `${a.url}/${b.ids.alice}`)).statusCode).toBe(404);
    // Members never manage sets, not even of a form they may manage all records of.
    expect((await org.bob.request("GET", `/api/permission-sets/${set.id}`)).statusCode).toBe(404);
    expect((await org.bob.request("GET", `/api/forms/${a.formId}/permission-sets`)).statusCode).toBe(403);
  });
});
