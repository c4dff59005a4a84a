// 智能助手 end to end: an admin designs "on create of 客户 → create a 跟进记录 with a formula-mapped
// field" in the automations page (trigger form, action, target form, mapping), submits a 客户 on its
// fill page, then sees the created 跟进记录 in that form's grid and a successful run in the run log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { choose } from "./data-steps";
import { api, signIn, uniqueSuffix } from "./steps";

describe("automations (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("automations", DESKTOP);
  });
  afterAll(async () => session?.close());

  it("creates a follow-up record for each new customer and logs the run", async () => {
    const { page, shot } = session;
    await signIn(page);
    const app = await api<{ id: string }>(page, "POST", "/api/apps", { name: `CRM ${uniqueSuffix()}` });
    const form = async (definition: unknown) => {
      const created = await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, definition);
      await api(page, "POST", `/api/forms/${created.id}/publish`);
      return created.id;
    };
    const customers = await form({
      key: "customers",
      name: "客户",
      fields: [{ id: "name", type: "text", label: "客户名称", required: true }],
    });
    const followups = await form({
      key: "followups",
      name: "跟进记录",
      fields: [
        { id: "subject", type: "text", label: "跟进主题" },
        { id: "note", type: "textarea", label: "备注" },
      ],
    });

    await page.goto(`/apps/${app.id}`);
    await page.getByTestId("workspace-automations").click();
    await page.getByTestId("automations-page").waitFor();
    await page.getByTestId("automation-new").click();
    const editor = page.getByTestId("automation-editor");
    await editor.waitFor();
    await page.getByTestId("automation-name").fill("新客户自动跟进");
    await choose(page, "触发表单", "客户");
    await page.getByTestId("automation-add-action").click();
    await page.getByTestId("add-action-createRecord").click();
    await choose(page, "目标表单", "跟进记录");
    await page.getByTestId("mapping-add").click();
    await choose(page, "字段", "跟进主题");
    await page.getByTestId("mapping-formula-0").fill('CONCATENATE("首次跟进：", name)');
    await shot("editor");
    await page.getByTestId("automation-save").click();
    await editor.waitFor({ state: "hidden" });
    await expect.poll(() => page.getByTestId("automation-item").count()).toBe(1);
    await shot("list");

    await page.goto(`/apps/${app.id}/forms/${customers}/fill`);
    await page.locator("#field-name").fill("星河科技");
    await page.getByRole("button", { name: /提\s*交/ }).click();
    await expect
      .poll(async () => {
        const stored = await api<{ records: { data: Record<string, unknown> }[] }>(
          page,
          "GET",
          `/api/forms/${followups}/records`,
        );
        return stored.records.map((r) => r.data.subject);
      })
      .toEqual(["首次跟进：星河科技"]);

    await page.goto(`/apps/${app.id}/forms/${followups}/data`);
    await page.getByText("首次跟进：星河科技").first().waitFor();
    await shot("created-record");

    await page.goto(`/apps/${app.id}/automations`);
    await page.getByTestId("automation-open-runs").click();
    const run = page.getByTestId("automation-run").first();
    await run.waitFor();
    expect(await run.getByTestId("automation-run-status").textContent()).toBe("成功");
    expect(await run.getByTestId("automation-outcome").textContent()).toContain("新增数据");
    await shot("run-log");
  });
});
