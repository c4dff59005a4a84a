// Form drafts, publishing and versions.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { QUOTES } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";

describe.each(testDatabases())("forms ($name)", (database) => {
  let t: TestApp;
  let appId: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    appId = (await t.admin.request("POST", "/api/apps", { name: "Sales" })).json().id;
  });
  afterAll(async () => t?.close());

  it("creates a draft, lists it under its app, saves, publishes versions", async () => {
    const created = await t.admin.request("POST", `/api/apps/${appId}/forms`, QUOTES);
    expect(created.statusCode).toBe(201);
    const form = created.json();
    expect(form).toMatchObject({ id: expect.any(String), key: "quotes", publishedVersion: 0 });

    const app = await t.admin.request("GET", `/api/apps/${appId}`);
    expect(app.json().forms).toEqual([expect.objectContaining({ id: form.id, key: "quotes" })]);

    expect((await t.admin.request("POST", `/api/forms/${form.id}/publish`)).json()).toEqual({ version: 1 });
    const edited = { ...QUOTES, fields: [...QUOTES.fields, { id: "note", type: "text", label: "Note" }] };
    const saved = await t.admin.request("PUT", `/api/forms/${form.id}`, edited);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().definition.fields.at(-1).id).toBe("note");
    expect((await t.admin.request("POST", `/api/forms/${form.id}/publish`)).json()).toEqual({ version: 2 });

    const versions = await t.admin.request("GET", `/api/forms/${form.id}/versions`);
    expect(versions.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await t.admin.request("GET", `/api/forms/${form.id}/versions/1`);
    expect(v1.json().definition.fields).toHaveLength(QUOTES.fields.length);
  });

  it("refuses a duplicate key in the app and a key change", async () => {
    const again = await t.admin.request("POST", `/api/apps/${appId}/forms`, QUOTES);
    expect(errorOf(again)).toMatchObject({ status: 409, code: "CONFLICT", path: "/key" });
    const other = await t.admin.request("POST", `/api/apps/${appId}/forms`, { ...QUOTES, key: "orders" });
    const renamed = await t.admin.request("PUT", `/api/forms/${other.json().id}`, {
      ...QUOTES,
      key: "renamed",
    });
    expect(errorOf(renamed)).toMatchObject({ status: 422, path: "/key" });
  });

  it("refuses to publish an invalid definition, pointing at the problem, and changes nothing", async () => {
    const bad = {
      key: "broken",
      name: "Broken",
      fields: [{ id: "total", type: "number", label: "Total", formula: "missing_field * 2" }],
    };
    const form = (await t.admin.request("POST", `/api/apps/${appId}/forms`, bad)).json();
    const publish = await t.admin.request("POST", `/api/forms/${form.id}/publish`);
    expect(errorOf(publish)).toMatchObject({ status: 422, code: "INVALID_DEFINITION" });
    expect(errorOf(publish).path).toMatch(/^\/fields\/0/);
    expect((await t.admin.request("GET", `/api/forms/${form.id}`)).json().publishedVersion).toBe(0);
  });

  it("refuses an incompatible type change at publish", async () => {
    const form = (
      await t.admin.request("POST", `/api/apps/${appId}/forms`, { ...QUOTES, key: "typed" })
    ).json();
    await t.admin.request("POST", `/api/forms/${form.id}/publish`);
    const records = await t.admin.request("POST", `/api/forms/${form.id}/records`, {
      data: { title: "a", price: 1 },
    });
    expect(records.statusCode).toBe(201);
    const changed = {
      ...QUOTES,
      key: "typed",
      fields: QUOTES.fields.map((f) => (f.id === "title" ? { ...f, type: "number" } : f)),
    };
    await t.admin.request("PUT", `/api/forms/${form.id}`, changed);
    const publish = await t.admin.request("POST", `/api/forms/${form.id}/publish`);
    expect(errorOf(publish)).toMatchObject({ status: 409, code: "INCOMPATIBLE_CHANGE" });
  });

  it("keeps drafts and the version list to admins and the app's admins", async () => {
    const user = await t.newUser("designer@example.com");
    const form = (
      await t.admin.request("POST", `/api/apps/${appId}/forms`, { ...QUOTES, key: "readable" })
    ).json();
    expect(errorOf(await user.request("GET", `/api/forms/${form.id}`)).status).toBe(403);
    expect(errorOf(await user.request("GET", `/api/forms/${form.id}/versions`)).status).toBe(403);
    const admins = (ids: string[]) => t.admin.request("PUT", `/api/apps/${appId}/admins`, { userIds: ids });
    expect((await admins([user.id])).statusCode).toBe(200);
    expect((await user.request("GET", `/api/forms/${form.id}`)).statusCode).toBe(200);
    expect((await user.request("GET", `/api/forms/${form.id}/versions`)).statusCode).toBe(200);
    expect((await admins([])).statusCode).toBe(200);
    expect(errorOf(await user.request("PUT", `/api/forms/${form.id}`, QUOTES)).status).toBe(403);
    expect(errorOf(await user.request("POST", `/api/forms/${form.id}/publish`)).status).toBe(403);
  });
});
