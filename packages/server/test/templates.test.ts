// Templates: every shipped template validates and installs (one transaction, through the publish path),
// installing twice makes a second app, export → import → export is equal, an upgrade keeps the data.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { validateTemplateBundle } from "@formwork/fields";
import type { TemplateBundle } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";

const TEMPLATES = resolve(__dirname, "../../../templates");

async function shippedTemplates(): Promise<string[]> {
  return (await readdir(TEMPLATES, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

describe("shipped templates", () => {
  it("every template's bundle (with its sample data) validates", async () => {
    for (const name of await shippedTemplates()) {
      const bundle = JSON.parse(await readFile(join(TEMPLATES, name, "bundle.json"), "utf8"));
      const samples = await readFile(join(TEMPLATES, name, "sample-data.json"), "utf8").catch(() => null);
      if (samples) bundle.sampleData = JSON.parse(samples);
      const result = validateTemplateBundle(bundle);
      expect(result.ok ? [] : result.issues.slice(0, 5), name).toEqual([]);
      expect(bundle.manifest.name).toBe(name);
    }
  });
});

describe.each(testDatabases())("templates ($name)", (database) => {
  let t: TestApp;
  let gallery: string;
  beforeAll(async () => {
    // A copy of the shipped gallery, so the upgrade test can put a newer version in it.
    gallery = await mkdtemp(join(tmpdir(), "formwork-gallery-"));
    await cp(TEMPLATES, gallery, { recursive: true });
    t = await startTestApp(database, {}, { templatesDir: gallery });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rm(gallery, { recursive: true, force: true });
  });

  it("lists the gallery with manifests and section counts", async () => {
    const response = await t.admin.request("GET", "/api/templates");
    expect(response.statusCode).toBe(200);
    const names = response.json().templates.map((x: { name: string }) => x.name);
    expect(names).toEqual(await shippedTemplates());
    const expense = response.json().templates.find((x: { name: string }) => x.name === "expense");
    expect(expense).toMatchObject({
      manifest: { version: "1.0.0", icon: "money" },
      sections: { forms: 1, flows: 1 },
    });
  });

  it("installs every shipped template, and a second install makes a second app", async () => {
    for (const name of await shippedTemplates()) {
      const first = await t.admin.request("POST", `/api/templates/${name}/install`, {});
      expect(first.statusCode, first.body).toBe(201);
      const body = first.json();
      expect(body.template.name).toBe(name);
      for (const form of body.forms) expect(form.version).toBe(1);
      const app = await t.admin.request("GET", `/api/apps/${body.app.id}`);
      // In menu order, which a bundle's menu may arrange differently from its forms' order.
      expect(
        app
          .json()
          .forms.map((f: { key: string }) => f.key)
          .sort(),
      ).toEqual(body.forms.map((f: { key: string }) => f.key).sort());
      const origin = await t.admin.request("GET", `/api/apps/${body.app.id}/template`);
      const manifest = JSON.parse(await readFile(join(TEMPLATES, name, "bundle.json"), "utf8")).manifest;
      expect(origin.json().template).toMatchObject({
        name,
        version: manifest.version,
        source: "gallery",
        upgradable: false,
      });
    }
    const again = await t.admin.request("POST", "/api/templates/expense/install", { name: "报销审批（二）" });
    expect(again.statusCode).toBe(201);
    const apps = (await t.admin.request("GET", "/api/apps")).json();
    const list = (apps.apps ?? apps) as { name: string }[];
    expect(list.filter((a) => a.name.startsWith("报销审批")).length).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it("a submitted expense claim computes its total and takes the amount branch's director", async () => {
    const installed = (await t.admin.request("POST", "/api/templates/expense/install", {})).json();
    const formId = installed.forms[0].id;
    const created = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: {
        title: "客户拜访差旅",
        claim_date: "2026-11-02",
        items: [
          { spent_on: "2026-11-01", category: "travel", amount: 4200.5 },
          { spent_on: "2026-11-02", category: "meals", amount: 880 },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json();
    expect(record.data.total).toBe(5080.5);
    expect(record.data.no).toMatch(/^BX-\d{8}-0001$/);
    expect(record.flowStatus).toBe("running");
    expect(installed.installed).toEqual({ dashboards: 1 });
    const dashboards = await t.admin.request("GET", `/api/apps/${installed.app.id}/dashboards`);
    expect(dashboards.statusCode).toBe(200);
    expect(JSON.stringify(dashboards.json())).toContain("报销分析");
  }, 120_000);

  it("refuses to install a template the gallery does not have, and non-admins", async () => {
    expect(errorOf(await t.admin.request("POST", "/api/templates/nope/install", {}))).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
    const user = await t.newUser("plain@example.com");
    expect((await user.request("POST", "/api/templates/expense/install", {})).statusCode).toBe(403);
  });

  it("export → import → export is equal, with data", async () => {
    const installed = (await t.admin.request("POST", "/api/templates/expense/install", {})).json();
    const formId = installed.forms[0].id;
    for (const amount of [120, 9800]) {
      const created = await t.admin.request("POST", `/api/forms/${formId}/records`, {
        data: {
          title: `差旅 ${amount}`,
          claim_date: "2026-10-01",
          items: [{ spent_on: "2026-10-01", category: "travel", amount }],
        },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const exported = await t.admin.request("GET", `/api/apps/${installed.app.id}/export?data=true`);
    expect(exported.statusCode).toBe(200);
    const bundle = exported.json() as TemplateBundle;
    expect(bundle.sampleData?.expense_claims).toHaveLength(2);
    expect(validateTemplateBundle(bundle).ok).toBe(true);
    const imported = await t.admin.request("POST", "/api/apps/import", bundle);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().records).toBe(2);
    const again = (
      await t.admin.request("GET", `/api/apps/${imported.json().app.id}/export?data=true`)
    ).json();
    expect(again).toEqual(bundle);
    const origin = await t.admin.request("GET", `/api/apps/${imported.json().app.id}/template`);
    expect(origin.json().template).toMatchObject({ name: "expense", source: "import" });
  }, 120_000);

  it("installs the CRM's menu with its dashboards on top, exports it and imports it again", async () => {
    const installed = await t.admin.request("POST", "/api/templates/crm/install", { sampleData: false });
    expect(installed.statusCode, installed.body).toBe(201);
    const appId = installed.json().app.id;
    const app = (await t.admin.request("GET", `/api/apps/${appId}`)).json();
    const keyOf = new Map(app.forms.map((f: { id: string; key: string }) => [f.id, f.key]));
    const titleOf = new Map(app.dashboards.map((d: { id: string; title: string }) => [d.id, d.title]));
    const shown = app.menu.map((item: { type: string; name?: string; items?: Record<string, string>[] }) => [
      item.name,
      (item.items ?? []).map((leaf) =>
        leaf.type === "form" ? keyOf.get(leaf.form) : titleOf.get(leaf.dashboard),
      ),
    ]);
    expect(shown).toEqual([
      ["仪表盘", ["销售总览", "目标达成", "客户分析", "逾期提醒"]],
      ["客户管理", ["leads", "customers", "contacts", "followups"]],
      ["销售管理", ["opportunities", "quotes", "contracts", "products"]],
      ["回款与开票", ["payments", "invoices"]],
      ["业绩", ["targets", "commissions"]],
    ]);

    const exported = (await t.admin.request("GET", `/api/apps/${appId}/export`)).json() as TemplateBundle;
    expect(validateTemplateBundle(exported).ok).toBe(true);
    expect(exported.menu?.[0]).toEqual({
      type: "group",
      id: "dashboards",
      name: "仪表盘",
      items: [1, 2, 3, 4].map((n) => ({ type: "dashboard", dashboard: `dashboard_${n}` })),
    });
    const imported = await t.admin.request("POST", "/api/apps/import", exported);
    expect(imported.statusCode, imported.body).toBe(201);
    const again = (await t.admin.request("GET", `/api/apps/${imported.json().app.id}/export`)).json();
    expect(again.menu).toEqual(exported.menu);

    // A menu naming a dashboard or form the bundle lacks is refused at its pointer.
    const bad = structuredClone(exported);
    bad.menu = [
      { type: "dashboard", dashboard: "nowhere" },
      { type: "form", form: "nothing" },
    ];
    const refused = await t.admin.request("POST", "/api/apps/import", bad);
    expect(errorOf(refused)).toMatchObject({
      status: 422,
      code: "INVALID_DEFINITION",
      path: "/menu/0/dashboard",
    });
    expect(refused.json().error.details.map((d: { code: string }) => d.code)).toEqual([
      "UNKNOWN_DASHBOARD",
      "UNKNOWN_FORM",
    ]);
  }, 180_000);

  it("upgrades a CRM 1.2.0 app (no menu in its bundle) to 1.3.0, leaving its menu as it was", async () => {
    const old = JSON.parse(await readFile(join(TEMPLATES, "crm", "bundle.json"), "utf8")) as TemplateBundle;
    delete old.menu;
    old.manifest.version = "1.2.0";
    const imported = await t.admin.request("POST", "/api/apps/import", old);
    expect(imported.statusCode, imported.body).toBe(201);
    const appId = imported.json().app.id;
    const before = (await t.admin.request("GET", `/api/apps/${appId}`)).json();
    // On PostgreSQL the import's after-commit work (view indexes built concurrently, dashboards' rollups)
    // can still be running and meet the upgrade's republishing in a deadlock: the server runs it again.
    const upgraded = await t.admin.request("POST", `/api/apps/${appId}/template/upgrade`);
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    expect(upgraded.json()).toMatchObject({ from: "1.2.0", to: "1.3.0" });
    const after = (await t.admin.request("GET", `/api/apps/${appId}`)).json();
    expect(after.menu).toEqual(before.menu);
    expect(after.dashboards).toHaveLength(4);
  }, 180_000);

  it("refuses an invalid bundle with codes and pointers, leaving nothing behind", async () => {
    const before = (await t.admin.request("GET", "/api/apps")).json();
    const bundle = JSON.parse(await readFile(join(TEMPLATES, "expense", "bundle.json"), "utf8"));
    bundle.permissionSets[1].members[0].id = "nobody";
    const refused = await t.admin.request("POST", "/api/apps/import", bundle);
    expect(errorOf(refused)).toMatchObject({
      status: 422,
      code: "INVALID_DEFINITION",
      path: "/permissionSets/1/members/0/id",
    });
    // A bundle that validates but fails while installing (a sample record the form refuses) rolls back whole.
    const broken = JSON.parse(await readFile(join(TEMPLATES, "expense", "bundle.json"), "utf8"));
    broken.sampleData = { expense_claims: [{ id: "x1", data: { title: "空的", items: [] } }] };
    const failed = await t.admin.request("POST", "/api/apps/import", broken);
    expect(errorOf(failed)).toMatchObject({ status: 422, code: "VALIDATION_FAILED" });
    expect(errorOf(failed).path).toMatch(/^\/sampleData\/expense_claims\/0\/data/);
    expect((await t.admin.request("GET", "/api/apps")).json()).toEqual(before);
  }, 120_000);

  it("upgrades to a newer version through the publish path and keeps the data", async () => {
    const installed = (await t.admin.request("POST", "/api/templates/expense/install", {})).json();
    const formId = installed.forms[0].id;
    const record = (
      await t.admin.request("POST", `/api/forms/${formId}/records`, {
        data: {
          title: "保留的数据",
          claim_date: "2026-10-01",
          items: [{ spent_on: "2026-10-01", category: "office", amount: 66 }],
        },
      })
    ).json();
    const up = await t.admin.request("POST", `/api/apps/${installed.app.id}/template/upgrade`);
    expect(errorOf(up)).toMatchObject({ status: 409, code: "CONFLICT", path: "/version" });
    expect(up.json().error.details[0].code).toBe("TEMPLATE_UP_TO_DATE");

    const path = join(gallery, "expense", "bundle.json");
    const original = await readFile(path, "utf8");
    const next = JSON.parse(original) as TemplateBundle;
    next.manifest.version = "1.1.0";
    next.forms[0]!.fields.push({ id: "project", type: "text", label: { "zh-CN": "项目", en: "Project" } });
    next.views!.push({
      id: "big",
      form: "expense_claims",
      name: "大额报销",
      filter: { ">": [{ var: "total" }, 5000] },
      shared: true,
    });
    await writeFile(path, JSON.stringify(next));
    try {
      // The gallery notices the changed file (it reloads a template whose files changed).
      const upgraded = await t.admin.request("POST", `/api/apps/${installed.app.id}/template/upgrade`);
      expect(upgraded.statusCode, upgraded.body).toBe(200);
      expect(upgraded.json()).toMatchObject({
        from: "1.0.0",
        to: "1.1.0",
        views: 1,
        forms: [{ key: "expense_claims", change: "changed", version: 2 }],
      });
      const kept = await t.admin.request("GET", `/api/forms/${formId}/records/${record.id}`);
      expect(kept.json().data).toMatchObject({ title: "保留的数据", total: 66 });
      const withProject = await t.admin.request(
        "PATCH",
        `/api/forms/${formId}/records/${record.id}`,
        { data: { project: "X" } },
        { "if-match": `"${kept.json().version}"` },
      );
      expect(withProject.statusCode, withProject.body).toBe(200);
      const origin = await t.admin.request("GET", `/api/apps/${installed.app.id}/template`);
      expect(origin.json().template).toMatchObject({ version: "1.1.0", upgradable: false });

      // An incompatible change refuses the whole upgrade, pointing into the new bundle.
      const bad = JSON.parse(JSON.stringify(next)) as TemplateBundle;
      bad.manifest.version = "1.2.0";
      const title = bad.forms[0]!.fields.find((f) => f.id === "title")!;
      Object.assign(title, { type: "number" });
      delete (title as { maxLength?: number }).maxLength;
      bad.forms[0]!.settings = {};
      await writeFile(path, JSON.stringify(bad));
      const result = await t.admin.request("POST", `/api/apps/${installed.app.id}/template/upgrade`);
      expect(errorOf(result)).toMatchObject({ status: 409, code: "INCOMPATIBLE_CHANGE" });
      expect(errorOf(result).path).toMatch(/^\/forms\/0\/fields\/\d+\/type$/);
      const still = await t.admin.request("GET", `/api/apps/${installed.app.id}/template`);
      expect(still.json().template.version).toBe("1.1.0");
    } finally {
      await writeFile(path, original);
    }
  }, 300_000);
});
