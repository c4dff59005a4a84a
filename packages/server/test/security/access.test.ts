// IDOR (record ids of other users, forms and apps on every record path), escalation (granting what one
// does not hold, own roles, app admins making system admins) and oracles (filter, sort, search and
// projection on hidden fields). Every case names a protection that, removed, makes it fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "../databases";
import { publishedForm } from "../fixtures";
import { errorOf, startTestApp, type TestApp } from "../harness";
import { addSet, dealsForm, type Member, makeOrg, type Org, whileOpen } from "../permissions-fixtures";
import { multipart, PNG } from "../upload-fixtures";

describe.each(testDatabases())("security: access ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  /** App A: alice and bob manage their own deals. App B: only carol's. */
  let a: { formId: string; appId: string; url: string; alice: string; bob: string };
  let b: { formId: string; appId: string; url: string; carol: string };
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "sec");
    const formA = await dealsForm(t, "sec_a");
    const formB = await dealsForm(t, "sec_b");
    const urlA = `/api/forms/${formA.formId}/records`;
    const urlB = `/api/forms/${formB.formId}/records`;
    const create = async (who: Member, url: string, title: string) => {
      const r = await who.request("POST", url, { data: { title, secret: `${title}-secret`, amount: 1 } });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    a = await whileOpen(t, formA.formId, async () => ({
      ...formA,
      url: urlA,
      alice: await create(org.alice, urlA, "alice"),
      bob: await create(org.bob, urlA, "bob"),
    }));
    b = await whileOpen(t, formB.formId, async () => ({
      ...formB,
      url: urlB,
      carol: await create(org.carol, urlB, "carol"),
    }));
    await addSet(t, a.formId, {
      name: "Own",
      kind: "submit_own",
      fields: { secret: "hidden" },
      members: [
        { type: "user", id: org.alice.id },
        { type: "user", id: org.bob.id },
      ],
    });
    await addSet(t, b.formId, {
      name: "Carol",
      kind: "manage_all",
      members: [{ type: "user", id: org.carol.id }],
    });
  });
  afterAll(async () => t?.close());

  const patch = (who: Member, url: string, data: Record<string, unknown>) =>
    who.request("PATCH", url, { data }, { "if-match": "1" });

  describe("IDOR", () => {
    it("another user's record id is not found on get and history", async () => {
      expect(errorOf(await org.alice.request("GET", `${a.url}/${a.bob}`))).toMatchObject({
        status: 404,
        code: "NOT_FOUND",
      });
      expect((await org.alice.request("GET", `${a.url}/${a.bob}/history`)).statusCode).toBe(404);
      expect((await org.alice.request("GET", `${a.url}/${a.alice}`)).statusCode).toBe(200);
    });

    it("another user's record cannot be patched or deleted, and stays as it was", async () => {
      expect([403, 404]).toContain(
        (await patch(org.alice, `${a.url}/${a.bob}`, { title: "pwned" })).statusCode,
      );
      expect([403, 404]).toContain((await org.alice.request("DELETE", `${a.url}/${a.bob}`)).statusCode);
      const stored = await t.admin.request("GET", `${a.url}/${a.bob}`);
      expect(stored.json().data.title).toBe("bob");
      expect(stored.json().deletedAt ?? null).toBeNull();
    });

    it("a record of another app is not found through a form the caller may use", async () => {
      // carol's record id under app A's form URL: the id is looked up in A's table only.
      expect((await org.alice.request("GET", `${a.url}/${b.carol}`)).statusCode).toBe(404);
      expect((await org.carol.request("GET", `${a.url}/${b.carol}`)).statusCode).not.toBe(200);
      expect((await patch(org.alice, `${a.url}/${b.carol}`, { title: "x" })).statusCode).toBe(404);
    });

    it("a member with no set on another app's form gets nothing of it", async () => {
      expect(errorOf(await org.alice.request("GET", b.url)).status).toBe(403);
      expect((await org.alice.request("GET", `${b.url}/${b.carol}`)).statusCode).toBe(404);
      expect((await org.alice.request("GET", `${b.url}/${b.carol}/history`)).statusCode).toBe(404);
      expect([403, 404]).toContain((await org.alice.request("DELETE", `${b.url}/${b.carol}`)).statusCode);
    });

    it("an upload of someone else cannot be attached, nor downloaded once on a record one may not read", async () => {
      const gallery = await publishedForm(t, {
        key: "sec_gallery",
        name: "Gallery",
        fields: [
          { id: "title", type: "text", label: "Title" },
          { id: "photo", type: "image", label: "Photo" },
        ],
      });
      const url = `/api/forms/${gallery}/records`;
      const body = multipart({ name: "dot.png", type: "image/png", bytes: PNG });
      const uploaded = await t.app.inject({
        method: "POST",
        url: "/api/files",
        headers: { ...body.headers, authorization: `Bearer ${org.carol.token}` },
        payload: body.payload,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const photo = [{ id: uploaded.json().id, name: "x.png", size: 1, type: "image/png" }];
      // Both may write to the form for now: the file is what refuses alice.
      const own = await whileOpen(t, gallery, async () => {
        const stolen = await org.alice.request("POST", url, { data: { title: "steal", photo } });
        expect(stolen.json().error?.details?.[0]?.code).toBe("FILE_NOT_FOUND");
        return org.carol.request("POST", url, { data: { title: "mine", photo } });
      });
      expect(own.statusCode, own.body).toBe(201);
      await addSet(t, gallery, {
        name: "Carol",
        kind: "submit_own",
        members: [{ type: "user", id: org.carol.id }],
      });
      expect((await org.carol.request("GET", `/api/files/${photo[0]!.id}`)).statusCode).toBe(200);
      expect((await org.alice.request("GET", `/api/files/${photo[0]!.id}`)).statusCode).toBe(404);
      expect((await org.alice.request("GET", `${url}/${own.json().id}`)).statusCode).toBe(404);
    });
  });

  describe("escalation", () => {
    it("a member cannot create, change or delete permission sets", async () => {
      const sets = (await t.admin.request("GET", `/api/forms/${a.formId}/permission-sets`)).json().sets;
      const r = await org.bob.request("POST", `/api/forms/${a.formId}/permission-sets`, {
        name: "mine",
        kind: "manage_all",
        members: [{ type: "user", id: org.bob.id }],
      });
      expect(r.statusCode).toBe(403);
      expect([403, 404]).toContain(
        (await org.bob.request("DELETE", `/api/permission-sets/${sets[0].id}`)).statusCode,
      );
      expect(
        (await t.admin.request("GET", `/api/forms/${a.formId}/permission-sets`)).json().sets,
      ).toHaveLength(sets.length);
      expect((await org.bob.request("GET", `${a.url}/${a.alice}`)).statusCode).toBe(404);
    });

    it("nobody changes their own roles or makes themselves admin", async () => {
      const selfAdmin = await org.dave.request("PATCH", `/api/org/members/${org.dave.id}`, { isAdmin: true });
      expect(selfAdmin.statusCode).toBe(403);
      const selfRoles = await org.dave.request("PUT", `/api/org/members/${org.dave.id}/roles`, {
        roleIds: [org.role],
      });
      expect(selfRoles.statusCode).toBe(403);
      const me = await org.dave.request("GET", "/api/me");
      expect(me.json().user.isAdmin).toBe(false);
      const roles = await t.db
        .selectFrom("user_roles")
        .select("role_id")
        .where("user_id", "=", org.dave.id)
        .execute();
      expect(roles).toEqual([]);
    });

    it("an app admin cannot name app admins, make a system admin or touch the organisation", async () => {
      const named = await t.admin.request("PUT", `/api/apps/${b.appId}/admins`, { userIds: [org.carol.id] });
      expect(named.statusCode, named.body).toBe(200);
      expect(
        (
          await org.carol.request("PUT", `/api/apps/${b.appId}/admins`, {
            userIds: [org.carol.id, org.dave.id],
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await org.carol.request("PATCH", `/api/org/members/${org.dave.id}`, { isAdmin: true })).statusCode,
      ).toBe(403);
      expect(
        (await org.carol.request("POST", `/api/org/roles/${org.role}/members`, { userIds: [org.dave.id] }))
          .statusCode,
      ).toBe(403);
      expect((await org.dave.request("GET", "/api/me")).json().user.isAdmin).toBe(false);
    });

    it("an app admin cannot grant sets on another app's forms", async () => {
      const r = await org.carol.request("POST", `/api/forms/${a.formId}/permission-sets`, {
        name: "carol in A",
        kind: "manage_all",
        members: [{ type: "user", id: org.carol.id }],
      });
      expect([403, 404]).toContain(r.statusCode);
      expect((await org.carol.request("GET", `${a.url}/${a.alice}`)).statusCode).toBe(404);
    });

    it("a member cannot create apps, forms or publish", async () => {
      expect((await org.dave.request("POST", "/api/apps", { name: "mine" })).statusCode).toBe(403);
      expect(
        (await org.dave.request("POST", `/api/apps/${a.appId}/forms`, { key: "x", name: "X", fields: [] }))
          .statusCode,
      ).toBe(403);
      expect((await org.dave.request("POST", `/api/forms/${a.formId}/publish`)).statusCode).toBe(403);
    });
  });

  describe("oracles on hidden fields", () => {
    it("a filter on a hidden field is refused, not silently dropped", async () => {
      const filter = encodeURIComponent('{"==": [{"var": "secret"}, "alice-secret"]}');
      expect(errorOf(await org.alice.request("GET", `${a.url}?filter=${filter}`))).toMatchObject({
        status: 403,
        code: "FORBIDDEN_FIELD",
      });
      // Hidden inside a nested condition too.
      const nested = encodeURIComponent('{"and": [{"==": [1, 1]}, {"!": {"in": ["x", {"var": "secret"}]}}]}');
      expect(errorOf(await org.alice.request("GET", `${a.url}?filter=${nested}`)).code).toBe(
        "FORBIDDEN_FIELD",
      );
    });

    it("a sort or projection on a hidden field is refused", async () => {
      expect(errorOf(await org.alice.request("GET", `${a.url}?sort=-secret`))).toMatchObject({
        status: 403,
        code: "FORBIDDEN_FIELD",
      });
      expect(errorOf(await org.alice.request("GET", `${a.url}?fields=secret`))).toMatchObject({
        status: 403,
        code: "FORBIDDEN_FIELD",
      });
    });

    it("a search does not match on hidden values and responses never carry them", async () => {
      const found = await org.alice.request("GET", `${a.url}?q=alice-secret`);
      expect(found.statusCode).toBe(200);
      expect(found.json().records).toEqual([]);
      const list = await org.alice.request("GET", a.url);
      expect(list.body).not.toContain("alice-secret");
      expect((await org.alice.request("GET", `${a.url}/${a.alice}/history`)).body).not.toContain(
        "alice-secret",
      );
    });
  });
});
