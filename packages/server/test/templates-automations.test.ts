// Bundles carry automations (issue 9): an import installs them with form keys and member placeholders
// mapped to this database, they run, an export gives them back as the bundle had them, an invalid one
// is refused with its pointer, and an upgrade adds and changes them by stable key, keeping the run log
// and an admin's own changes to items the new version leaves as they were. On PGlite and PostgreSQL.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { validateTemplateBundle } from "@formwork/fields";
import type { TemplateBundle } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upgradeApp } from "../src/plugins/templates/upgrade";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";

const EXPENSE = resolve(__dirname, "../../../templates/expense/bundle.json");

/** The expense template with a member placeholder and two automations. */
async function bundleWithAutomations(): Promise<TemplateBundle> {
  const bundle = JSON.parse(await readFile(EXPENSE, "utf8")) as TemplateBundle;
  bundle.manifest.name = "expense-auto";
  bundle.members = [{ id: "cashier", name: "出纳" }];
  bundle.automations = [
    {
      id: "tell_cashier",
      name: "通知出纳",
      form: "expense_claims",
      trigger: { type: "recordCreated" },
      actions: [{ type: "notify", users: ["cashier"], title: 'CONCATENATE("新报销：", title)' }],
    },
    {
      id: "monthly_digest",
      name: "月度汇总",
      form: "expense_claims",
      enabled: false,
      trigger: { type: "schedule", frequency: "monthly", monthDay: 1, time: "09:00" },
      actions: [{ type: "webhook", url: "https://example.com/hook" }],
    },
  ];
  return bundle;
}

interface Stored {
  id: string;
  formId: string;
  enabled: boolean;
  version: number;
  nextRunAt: string | null;
  definition: { id: string; name: string; actions: { users?: string[] }[] };
}

describe.each(testDatabases())("bundle automations ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database, { automations: { enabled: false }, outbox: { enabled: false } });
  }, 120_000);
  afterAll(async () => t?.close());

  const automationsOf = async (appId: string) =>
    (await t.admin.request("GET", `/api/apps/${appId}/automations`)).json<{ automations: Stored[] }>()
      .automations;
  const claim = (formId: string, title: string) =>
    t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: {
        title,
        claim_date: "2026-10-01",
        items: [{ spent_on: "2026-10-01", category: "travel", amount: 5 }],
      },
    });

  it("imports, runs and exports automations, placeholders mapped both ways", async () => {
    const bundle = await bundleWithAutomations();
    expect(validateTemplateBundle(bundle)).toMatchObject({ ok: true });
    // Sample members as the installer (demo users are disabled, and disabled users get no notifications).
    const imported = await t.admin.request("POST", "/api/apps/import?members=installer", bundle);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ installed: { automations: 2 }, skipped: [] });
    const appId = imported.json().app.id as string;
    const formId = imported.json().forms[0].id as string;
    const stored = await automationsOf(appId);
    expect(stored.map((a) => [a.definition.id, a.formId, a.enabled])).toEqual([
      ["tell_cashier", formId, true],
      ["monthly_digest", formId, false],
    ]);
    expect(stored[1]!.nextRunAt).not.toBeNull();
    const cashier = stored[0]!.definition.actions[0]!.users![0]!;
    const user = await t.db.selectFrom("users").select("email").where("id", "=", cashier).executeTakeFirst();
    expect(user?.email).toBe("admin@example.com");

    expect((await claim(formId, "打车")).statusCode).toBe(201);
    const notes = await t.db
      .selectFrom("notifications")
      .select(["title"])
      .where("user_id", "=", cashier)
      .where("kind", "=", "automation")
      .execute();
    expect(notes.map((n) => n.title)).toEqual(["新报销：打车"]);

    const exported = (await t.admin.request("GET", `/api/apps/${appId}/export`)).json() as TemplateBundle;
    const withMember = JSON.parse(
      JSON.stringify(bundle.automations).replace('"cashier"', '"member_1"'),
    ) as TemplateBundle["automations"];
    expect(exported.automations).toEqual(withMember);
    expect(exported.members).toEqual([expect.objectContaining({ id: "member_1", name: "Admin" })]);
    expect(validateTemplateBundle(exported)).toMatchObject({ ok: true });
  }, 120_000);

  it("refuses an invalid automation with its code and pointer, leaving nothing behind", async () => {
    const before = (await t.admin.request("GET", "/api/apps")).json();
    const bundle = await bundleWithAutomations();
    (bundle.automations![0]!.actions as { users: string[] }[])[0]!.users = ["nobody"];
    expect(errorOf(await t.admin.request("POST", "/api/apps/import", bundle))).toMatchObject({
      status: 422,
      code: "INVALID_DEFINITION",
      path: "/automations/0/actions/0/users/0",
    });
    const formula = await bundleWithAutomations();
    (formula.automations![0]!.actions as { title: string }[])[0]!.title = "CONCATENATE(nope, ";
    const refused = await t.admin.request("POST", "/api/apps/import", formula);
    expect(errorOf(refused)).toMatchObject({
      code: "INVALID_DEFINITION",
      path: "/automations/0/actions/0/title",
    });
    expect(refused.json().error.details[0].code).toBe("FORMULA_INVALID");
    expect((await t.admin.request("GET", "/api/apps")).json()).toEqual(before);
  });

  it("upgrades automations by stable key, keeping the run log and an admin's edits", async () => {
    const bundle = await bundleWithAutomations();
    const imported = (await t.admin.request("POST", "/api/apps/import", bundle)).json();
    const appId = imported.app.id as string;
    const formId = imported.forms[0].id as string;
    expect((await claim(formId, "出差")).statusCode).toBe(201);
    const [tell, digest] = await automationsOf(appId);
    // The admin renames the digest: the new version leaves that item as it was, so the rename stays.
    const renamed = await t.admin.request("PUT", `/api/apps/${appId}/automations/${digest!.id}`, {
      definition: { ...digest!.definition, name: "我的汇总" },
      enabled: false,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const next = await bundleWithAutomations();
    next.manifest.version = "1.1.0";
    next.automations![0]!.name = "通知出纳（新版）";
    next.automations!.push({
      id: "big_claim",
      name: "大额报销",
      form: "expense_claims",
      trigger: { type: "recordCreated" },
      condition: { ">": [{ var: "total" }, 1000] },
      actions: [{ type: "notify", userFields: ["applicant"], title: '"大额报销"' }],
    });
    expect(validateTemplateBundle(next).ok).toBe(true);
    const admin = (
      await t.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "admin@example.com")
        .executeTakeFirstOrThrow()
    ).id;
    const result = await upgradeApp(t.db, appId, next, admin, "Asia/Shanghai");
    t.app.automations.runner.forget();
    expect(result.sections).toMatchObject({ automations: 2 });
    const after = await automationsOf(appId);
    expect(after.map((a) => [a.definition.id, a.definition.name, a.enabled])).toEqual([
      ["tell_cashier", "通知出纳（新版）", true],
      ["monthly_digest", "我的汇总", false],
      ["big_claim", "大额报销", true],
    ]);
    expect(after[0]!.id).toBe(tell!.id);
    expect(after[0]!.version).toBe(tell!.version + 1);
    const runs = await t.admin.request("GET", `/api/apps/${appId}/automations/${tell!.id}/runs?limit=10`);
    expect(runs.json().runs).toHaveLength(1);
  }, 120_000);
});
