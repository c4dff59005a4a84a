// A form without a permission set is closed to ordinary members (issue 6, as in Jiandaoyun): on every
// path a member in no set gets nothing — list, get, count, search, aggregate, export, print, comments,
// files, linked-record pickers, realtime events, the app menu. The first set opens exactly what it
// grants to exactly its members, and migration 0021 keeps the forms that were open before it open.
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "../databases";
import { errorOf, startTestApp, type TestApp } from "../harness";
import { addSet, type Member, makeOrg, type Org } from "../permissions-fixtures";
import { collect, connect, drained, request, type TestSocket } from "../realtime/sockets";
import { multipart, PNG } from "../upload-fixtures";

const DEALS: FormDefinition = {
  key: "cf_deals",
  name: "Deals",
  fields: [
    { id: "title", type: "text", label: "Title", required: true },
    { id: "amount", type: "number", label: "Amount" },
    { id: "secret", type: "text", label: "Secret" },
    { id: "photo", type: "image", label: "Photo" },
  ],
};
const ORDERS: FormDefinition = {
  key: "cf_orders",
  name: "Orders",
  fields: [
    { id: "title", type: "text", label: "Title" },
    { id: "deal", type: "link", label: "Deal", form: "cf_deals" },
  ],
};

describe.each(testDatabases())("security: closed forms ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let base: string;
  let appId: string;
  let deals: string;
  let orders: string;
  let record: string;
  let fileId: string;
  const sockets: TestSocket[] = [];

  const publish = async (definition: FormDefinition) => {
    const form = await t.admin.request("POST", `/api/apps/${appId}/forms`, definition);
    expect(form.statusCode, form.body).toBe(201);
    expect((await t.admin.request("POST", `/api/forms/${form.json().id}/publish`)).statusCode).toBe(200);
    return form.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp(database, {}, { pubsub: true });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    org = await makeOrg(t, "cf");
    appId = (await t.admin.request("POST", "/api/apps", { name: "Closed forms" })).json().id;
    deals = await publish(DEALS);
    orders = await publish(ORDERS);
    const upload = multipart({ name: "dot.png", type: "image/png", bytes: PNG });
    const uploaded = await t.app.inject({
      method: "POST",
      url: "/api/files",
      headers: { ...upload.headers, authorization: `Bearer ${t.adminToken}` },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    fileId = uploaded.json().id;
    const created = await t.admin.request("POST", `/api/forms/${deals}/records`, {
      data: {
        title: "Big deal",
        amount: 5,
        secret: "TOP-SECRET",
        photo: [{ id: fileId, name: "dot.png", size: 1, type: "image/png" }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    record = created.json().id;
    // Dave may use the orders form (which links to deals), never deals itself.
    await addSet(t, orders, {
      name: "Dave",
      kind: "manage_all",
      members: [{ type: "user", id: org.dave.id }],
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t?.close();
  });

  const records = (form = deals) => `/api/forms/${form}/records`;

  /** Every read path of the deals form, as `who`: the status codes in a fixed order. */
  const readPaths = async (who: Member) => ({
    list: (await who.request("GET", records())).statusCode,
    count: (await who.request("GET", `${records()}?count=true&limit=1`)).statusCode,
    search: (await who.request("GET", `${records()}?q=Big`)).statusCode,
    get: (await who.request("GET", `${records()}/${record}`)).statusCode,
    history: (await who.request("GET", `${records()}/${record}/history`)).statusCode,
    aggregate: (
      await who.request("POST", `/api/forms/${deals}/aggregate`, {
        groupBy: [],
        measures: [{ op: "count" }],
      })
    ).statusCode,
    export: (await who.request("GET", `/api/forms/${deals}/export?format=csv`)).statusCode,
    print: (await who.request("GET", `${records()}/${record}/print`)).statusCode,
    comments: (await who.request("GET", `${records()}/${record}/comments`)).statusCode,
    comment: (await who.request("POST", `${records()}/${record}/comments`, { text: "hi" })).statusCode,
    file: (await who.request("GET", `/api/files/${fileId}`)).statusCode,
    // The definition: labels, formulas and options are the form's users' business only.
    version: (await who.request("GET", `/api/forms/${deals}/versions/1`)).statusCode,
    views: (await who.request("GET", `/api/forms/${deals}/views`)).statusCode,
    draft: (await who.request("GET", `/api/forms/${deals}`)).statusCode,
    versions: (await who.request("GET", `/api/forms/${deals}/versions`)).statusCode,
  });

  it("a new form has no set, and its permissions page data says so", async () => {
    const sets = await t.admin.request("GET", `/api/forms/${deals}/permission-sets`);
    expect(sets.json().sets).toEqual([]);
  });

  it("a member in no set reads nothing of a closed form on any path", async () => {
    const codes = await readPaths(org.alice);
    for (const [path, status] of Object.entries(codes)) {
      expect([403, 404], `${path} answered ${status}`).toContain(status);
    }
    const rights = await org.alice.request("GET", `/api/forms/${deals}/my-rights`);
    expect(rights.json()).toMatchObject({ actions: [], canDesign: false, canManagePermissions: false });
    expect(Object.values(rights.json().fields)).toEqual(["hidden", "hidden", "hidden", "hidden"]);
    expect(errorOf(await org.alice.request("POST", records(), { data: { title: "x" } }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    // Nothing was stored by the refused comment or record.
    expect((await t.admin.request("GET", `${records()}/${record}/comments`)).json().items).toEqual([]);
    expect((await t.admin.request("GET", `${records()}?count=true`)).json().count.value).toBe(1);
  });

  it("the app menu lists only the forms the member holds a right on", async () => {
    const forDave = (await org.dave.request("GET", `/api/apps/${appId}`)).json();
    expect(forDave.forms.map((f: { id: string }) => f.id)).toEqual([orders]);
    expect(JSON.stringify(forDave.menu)).not.toContain(deals);
    const forAlice = await org.alice.request("GET", `/api/apps/${appId}`);
    expect(forAlice.json().forms).toEqual([]);
    const appsOfAlice = (await org.alice.request("GET", "/api/apps")).json().apps;
    expect(appsOfAlice.map((a: { id: string }) => a.id)).not.toContain(appId);
    const appsOfDave = (await org.dave.request("GET", "/api/apps")).json().apps;
    expect(appsOfDave.map((a: { id: string }) => a.id)).toContain(appId);
    const forAdmin = (await t.admin.request("GET", `/api/apps/${appId}`)).json();
    expect(forAdmin.forms.map((f: { id: string }) => f.id).sort()).toEqual([deals, orders].sort());
  });

  it("the linked-record picker of an open form shows nothing of the closed target", async () => {
    // The picker searches the target form's list: refused, so no title leaks into the order form.
    expect((await org.dave.request("GET", `${records()}?q=Big&limit=20&count=false`)).statusCode).toBe(403);
    expect((await org.dave.request("GET", `${records()}/${record}`)).statusCode).toBe(404);
    // Dave's own form works.
    const own = await org.dave.request("POST", records(orders), { data: { title: "Order" } });
    expect(own.statusCode, own.body).toBe(201);
  });

  it("a member in no set cannot watch the closed form nor receive its record events", async () => {
    const admin = await connect(base, { token: t.adminToken });
    const bob = await connect(base, { token: org.bob.token });
    sockets.push(admin, bob);
    expect(await request(admin, "watch-form", deals)).toEqual({ ok: true });
    expect(await request(bob, "watch-form", deals)).toEqual({ ok: false, code: "NOT_FOUND" });
    const seen = { admin: collect(admin, "record"), bob: collect(bob, "record") };
    const created = await t.admin.request("POST", records(), { data: { title: "Another" } });
    expect(created.statusCode).toBe(201);
    await drained(admin, deals);
    while (!seen.admin.some((h) => h.recordId === created.json().id)) await drained(admin, deals);
    await drained(bob, deals);
    expect(seen.bob).toEqual([]);
  });

  it("the first set opens exactly what it grants, to exactly its members", async () => {
    await addSet(t, deals, {
      name: "Carol reads",
      kind: "view_all",
      fields: { secret: "hidden", photo: "hidden" },
      members: [{ type: "role", id: org.role }],
    });
    const carol = await readPaths(org.carol);
    expect(carol).toMatchObject({ list: 200, count: 200, search: 200, get: 200, history: 200 });
    expect(carol).toMatchObject({ aggregate: 200, comments: 200, comment: 201 });
    // view_all grants neither export nor print; the photo field is hidden from her.
    expect(carol).toMatchObject({ export: 403, print: 403, file: 404 });
    // She renders the published form and its views; the draft and the version list are its designers'.
    expect(carol).toMatchObject({ version: 200, views: 200, draft: 403, versions: 403 });
    const list = await org.carol.request("GET", records());
    expect(list.body).not.toContain("TOP-SECRET");
    expect((await org.carol.request("POST", records(), { data: { title: "x" } })).statusCode).toBe(403);
    // Everyone else is still outside.
    for (const [path, status] of Object.entries(await readPaths(org.alice))) {
      expect([403, 404], `alice ${path} answered ${status}`).toContain(status);
    }
    const forCarol = (await org.carol.request("GET", `/api/apps/${appId}`)).json();
    expect(forCarol.forms.map((f: { id: string }) => f.id)).toEqual([deals]);
  });
});
