// /api/apps/:app/dashboards: app admins save definitions checked against the app's forms (every issue
// with its code and pointer), members read them, If-Match guards concurrent edits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet, makeOrg, type Org } from "./permissions-fixtures";

describe.each(testDatabases())("dashboards ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let appId: string;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "dash");
    const formId = await publishedForm(t, {
      key: "orders",
      name: "Orders",
      fields: [
        { id: "amount", type: "number", label: "Amount" },
        { id: "note", type: "text", label: "Note" },
        { id: "at", type: "datetime", label: "At" },
      ],
    });
    appId = (await t.admin.request("GET", `/api/forms/${formId}`)).json().appId;
    // Alice may open the app: she reads the orders.
    await addSet(t, formId, {
      name: "Alice",
      kind: "view_all",
      members: [{ type: "user", id: org.alice.id }],
    });
    url = `/api/apps/${appId}/dashboards`;
  });
  afterAll(async () => t?.close());

  const layout = { x: 0, y: 0, w: 4, h: 3 };
  const definition = {
    title: "Sales",
    widgets: [
      {
        id: "total",
        kind: "kpi",
        layout,
        form: "orders",
        measures: [{ op: "sum", field: "amount" }],
        compareField: "at",
      },
      {
        id: "monthly",
        kind: "bar",
        layout,
        form: "orders",
        dimensions: [{ field: "at", bucket: "month" }],
        measures: [{ op: "count" }],
      },
    ],
  };

  it("saves, lists, reads, updates under If-Match and deletes", async () => {
    const created = await t.admin.request("POST", url, definition);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const id = created.json().id;
    const list = await org.alice.request("GET", url);
    expect(list.json().dashboards).toEqual([expect.objectContaining({ id, title: "Sales", version: 1 })]);
    // Someone holding no right in the app reads neither the list nor a definition.
    const outsider = await t.newUser(`outsider-${database.name}@example.com`);
    expect(errorOf(await outsider.request("GET", url))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(errorOf(await outsider.request("GET", `${url}/${id}`))).toMatchObject({ status: 403 });
    const read = await org.alice.request("GET", `${url}/${id}`);
    expect(read.json().definition).toEqual(definition);
    const renamed = { ...definition, title: "Sales 2026" };
    const saved = await t.admin.request("PUT", `${url}/${id}`, renamed, { "if-match": '"1"' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ title: "Sales 2026", version: 2 });
    expect(
      errorOf(await t.admin.request("PUT", `${url}/${id}`, definition, { "if-match": '"1"' })),
    ).toMatchObject({
      status: 412,
      code: "VERSION_CONFLICT",
      path: "/headers/if-match",
    });
    expect((await t.admin.request("DELETE", `${url}/${id}`)).statusCode).toBe(204);
    expect(errorOf(await org.alice.request("GET", `${url}/${id}`))).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
  });

  it("refuses an invalid definition with every issue's code and pointer", async () => {
    const bad = {
      title: "Bad",
      widgets: [
        { id: "a", kind: "kpi", layout, form: "orders", measures: [{ op: "sum", field: "note" }] },
        {
          id: "b",
          kind: "pie",
          layout,
          form: "nope",
          dimensions: [{ field: "x" }],
          measures: [{ op: "count" }],
        },
      ],
    };
    const r = await t.admin.request("POST", url, bad);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe("INVALID_DEFINITION");
    expect(r.json().error.details).toEqual([
      expect.objectContaining({ code: "NOT_A_NUMBER", path: "/widgets/0/measures/0/op" }),
      expect.objectContaining({ code: "UNKNOWN_FORM", path: "/widgets/1/form" }),
    ]);
  });

  it("lets only the app's administrators write", async () => {
    expect(errorOf(await org.alice.request("POST", url, definition))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
  });
});
