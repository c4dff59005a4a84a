// An app's icon and colour, and its menu of forms and dashboards (groups, order, what a member sees)
// with its stale-layout guard.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { grantEveryone } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";

type Leaf = { type: "form"; form: string } | { type: "dashboard"; dashboard: string };
type Item = Leaf | { type: "group"; id: string; name: string; items: Leaf[] };
const form = (id: string): Leaf => ({ type: "form", form: id });
const dashboard = (id: string): Leaf => ({ type: "dashboard", dashboard: id });
const group = (id: string, name: string, items: Leaf[]): Item => ({ type: "group", id, name, items });

describe.each(testDatabases())("app look and form menu ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  });
  afterAll(async () => t?.close());

  const newApp = async (name: string) => {
    const app = (await t.admin.request("POST", "/api/apps", { name })).json();
    const forms: string[] = [];
    for (const key of ["a", "b", "c", "d"]) {
      forms.push(
        (await t.admin.request("POST", `/api/apps/${app.id}/forms`, { key, name: key, fields: [] })).json()
          .id,
      );
    }
    return { id: app.id as string, forms };
  };
  const putMenu = (appId: string, menu: Item[], revision: number | undefined) =>
    t.admin.request(
      "PUT",
      `/api/apps/${appId}/menu`,
      { menu },
      revision === undefined ? {} : { "if-match": `"${revision}"` },
    );

  it("stores an icon and colour, validates them, and lists them", async () => {
    const created = await t.admin.request("POST", "/api/apps", {
      name: "CRM",
      icon: "customer",
      colour: "#0ea5e9",
    });
    expect(created.json()).toMatchObject({ icon: "customer", colour: "#0ea5e9" });
    const id = created.json().id;
    const patched = await t.admin.request("PATCH", `/api/apps/${id}`, { icon: "rocket", colour: "#22c55e" });
    expect(patched.json()).toMatchObject({ name: "CRM", icon: "rocket", colour: "#22c55e" });
    const list = (await t.admin.request("GET", "/api/apps")).json().apps;
    expect(list.find((a: { id: string }) => a.id === id)).toMatchObject({
      icon: "rocket",
      colour: "#22c55e",
    });
    const cleared = await t.admin.request("PATCH", `/api/apps/${id}`, { icon: null, colour: null });
    expect(cleared.json()).toMatchObject({ icon: null, colour: null });

    expect(errorOf(await t.admin.request("PATCH", `/api/apps/${id}`, { icon: "skull" }))).toMatchObject({
      status: 422,
      path: "/icon",
    });
    expect(errorOf(await t.admin.request("PATCH", `/api/apps/${id}`, { colour: "red" }))).toMatchObject({
      status: 422,
      path: "/colour",
    });
    expect(errorOf(await t.admin.request("PATCH", `/api/apps/${id}`, { menuRevision: 9 })).status).toBe(422);
    const member = await t.newUser("look@example.com");
    expect((await member.request("PATCH", `/api/apps/${id}`, { colour: "#ef4444" })).statusCode).toBe(403);
  });

  it("lists forms in creation order until arranged, then in menu order with their groups", async () => {
    const app = await newApp("Menu");
    const [a, b, c, d] = app.forms as [string, string, string, string];
    const before = (await t.admin.request("GET", `/api/apps/${app.id}`)).json();
    expect(before.forms.map((f: { id: string }) => f.id)).toEqual([a, b, c, d]);
    expect(before.menuRevision).toBe(0);
    expect(before.menu).toEqual([a, b, c, d].map((form) => ({ type: "form", form })));

    const menu: Item[] = [
      { type: "form", form: c },
      group("g1", " 销售 ", [form(d), form(a)]),
      group("g2", "Empty", []),
    ];
    const saved = await putMenu(app.id, menu, 0);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      menuRevision: 1,
      menu: [
        { type: "form", form: c },
        group("g1", "销售", [form(d), form(a)]),
        group("g2", "Empty", []),
        { type: "form", form: b },
      ],
    });
    const after = (await t.admin.request("GET", `/api/apps/${app.id}`)).json();
    expect(after.forms.map((f: { id: string }) => f.id)).toEqual([c, d, a, b]);
    expect(after.menu).toEqual(saved.json().menu);

    // A new form joins at the end; a deleted app's form disappears from the menu.
    const e = (
      await t.admin.request("POST", `/api/apps/${app.id}/forms`, { key: "e", name: "e", fields: [] })
    ).json();
    const withNew = (await t.admin.request("GET", `/api/apps/${app.id}`)).json();
    expect(withNew.forms.map((f: { id: string }) => f.id)).toEqual([c, d, a, b, e.id]);
  });

  it("refuses a stale layout (412) and a missing If-Match (428), changing nothing", async () => {
    const app = await newApp("Stale");
    const [a, b] = app.forms as [string, string];
    expect((await putMenu(app.id, [{ type: "form", form: b }], 0)).statusCode).toBe(200);
    const stale = await putMenu(app.id, [{ type: "form", form: a }], 0);
    expect(errorOf(stale)).toMatchObject({
      status: 412,
      code: "VERSION_CONFLICT",
      path: "/headers/if-match",
    });
    expect(errorOf(await putMenu(app.id, [], undefined))).toMatchObject({
      status: 428,
      code: "PRECONDITION_REQUIRED",
    });
    const now = (await t.admin.request("GET", `/api/apps/${app.id}`)).json();
    expect(now.menuRevision).toBe(1);
    expect(now.forms[0].id).toBe(b);
  });

  it("refuses forms of another app, repeats and bad groups, pointing at them", async () => {
    const app = await newApp("Checked");
    const other = await newApp("Other");
    const [a] = app.forms as [string];
    const foreign = await putMenu(app.id, [group("g", "x", [form(other.forms[0]!)])], 0);
    expect(errorOf(foreign)).toMatchObject({
      status: 422,
      code: "VALIDATION_FAILED",
      path: "/menu/0/items/0/form",
    });
    const twice = await putMenu(app.id, [{ type: "form", form: a }, group("g", "x", [form(a)])], 0);
    expect(errorOf(twice)).toMatchObject({ status: 422, path: "/menu/1/items/0/form" });
    const blank = await putMenu(app.id, [group("g", "  ", [])], 0);
    expect(errorOf(blank)).toMatchObject({ status: 422, path: "/menu/0/name" });
    const member = await t.newUser("menu@example.com");
    const denied = await member.request("PUT", `/api/apps/${app.id}/menu`, { menu: [] }, { "if-match": "0" });
    expect(denied.statusCode).toBe(403);
    expect((await t.admin.request("GET", `/api/apps/${app.id}`)).json().menuRevision).toBe(0);
  });

  const newDashboard = async (appId: string, title: string): Promise<string> => {
    const created = await t.admin.request("POST", `/api/apps/${appId}/dashboards`, { title, widgets: [] });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id;
  };

  it("places dashboards among forms and groups, drops deleted ones and appends new ones", async () => {
    const app = await newApp("Dashboards");
    const [a, b, c, d] = app.forms as [string, string, string, string];
    const sales = await newDashboard(app.id, "Sales");
    const before = (await t.admin.request("GET", `/api/apps/${app.id}`)).json();
    expect(before.menu).toEqual([form(a), form(b), form(c), form(d), dashboard(sales)]);
    expect(before.dashboards).toEqual([{ id: sales, title: "Sales" }]);

    const funnel = await newDashboard(app.id, "Funnel");
    const saved = await putMenu(
      app.id,
      [group("boards", "仪表盘", [dashboard(funnel), dashboard(sales)]), group("g", "x", [form(b), form(a)])],
      0,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().menu).toEqual([
      group("boards", "仪表盘", [dashboard(funnel), dashboard(sales)]),
      group("g", "x", [form(b), form(a)]),
      form(c),
      form(d),
    ]);
    expect((await t.admin.request("DELETE", `/api/apps/${app.id}/dashboards/${funnel}`)).statusCode).toBe(
      204,
    );
    const latest = await newDashboard(app.id, "Latest");
    const after = (await t.admin.request("GET", `/api/apps/${app.id}`)).json();
    expect(after.menu).toEqual([
      group("boards", "仪表盘", [dashboard(sales)]),
      group("g", "x", [form(b), form(a)]),
      form(c),
      form(d),
      dashboard(latest),
    ]);
    expect(after.dashboards.map((one: { id: string }) => one.id)).toEqual([sales, latest]);

    // Another app's dashboard, a deleted one and a repeat are refused, each at its pointer.
    const other = await newApp("Other boards");
    const foreign = await newDashboard(other.id, "Foreign");
    const refused = await putMenu(
      app.id,
      [dashboard(foreign), group("g", "x", [dashboard(funnel), dashboard(sales), dashboard(sales)])],
      1,
    );
    expect(errorOf(refused)).toMatchObject({ status: 422, code: "VALIDATION_FAILED" });
    expect(refused.json().error.details.map((detail: { path: string }) => detail.path)).toEqual([
      "/menu/0/dashboard",
      "/menu/1/items/0/dashboard",
      "/menu/1/items/2/dashboard",
    ]);
    const badKind = await putMenu(app.id, [{ type: "dashboard", form: a } as unknown as Item], 1);
    expect(errorOf(badKind)).toMatchObject({ status: 422 });
  });

  it("shows a member their forms and the dashboards, and no group emptied by that", async () => {
    const app = await newApp("Member view");
    const [a, b, c] = app.forms as [string, string, string];
    const sales = await newDashboard(app.id, "Sales");
    const saved = await putMenu(
      app.id,
      [
        group("boards", "仪表盘", [dashboard(sales)]),
        group("closed", "Closed", [form(c)]),
        group("open", "Open", [form(a), form(b)]),
      ],
      0,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const member = await t.newUser(`viewer-${app.id}@example.com`);
    // No right on any form: the app is not theirs to open, so neither are its dashboards.
    const shut = (await member.request("GET", `/api/apps/${app.id}`)).json();
    expect(shut.menu).toEqual([]);
    expect(shut.dashboards).toEqual([]);

    expect((await t.admin.request("POST", `/api/forms/${a}/publish`, {})).statusCode).toBe(200);
    await grantEveryone(t, a);
    const open = (await member.request("GET", `/api/apps/${app.id}`)).json();
    expect(open.menu).toEqual([
      group("boards", "仪表盘", [dashboard(sales)]),
      group("open", "Open", [form(a)]),
    ]);
    expect(open.dashboards).toEqual([{ id: sales, title: "Sales" }]);
    expect(open.forms.map((one: { id: string }) => one.id)).toEqual([a]);
  });

  it("lets exactly one of two concurrent layouts on the same revision win", async () => {
    const app = await newApp("Race");
    const [a, b] = app.forms as [string, string];
    const results = await Promise.all([
      putMenu(app.id, [{ type: "form", form: a }], 0),
      putMenu(app.id, [{ type: "form", form: b }], 0),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    expect((await t.admin.request("GET", `/api/apps/${app.id}`)).json().menuRevision).toBe(1);
  });
});
