// 智能助手 end to end: an admin designs "on create of 客户 → create a 跟进记录 with a formula-mapped
// field" in the automations page (trigger form, action, target form, mapping), submits a 客户 on its
// fill page, then sees the created 跟进记录 in that form's grid and a successful run in the run log.
// Then "on create of 线索 → assign 负责人 to the least loaded of these members": the editor refuses to
// save it half-filled (its messages), then saves it, and a new 线索 gets the member as its owner.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { choose } from "./data-steps";
import { api, drawerSettled, pickMember, signIn, uniqueSuffix } from "./steps";

/** Opens a new automation in the editor: its name, trigger form and a first action of `action`'s kind. */
/** Fills the form's name field on its fill page and submits it. */
async function submitName(page: Page, fillUrl: string, name: string): Promise<void> {
  await page.goto(fillUrl);
  await page.locator("#field-name").fill(name);
  await page.getByRole("button", { name: /提\s*交/ }).click();
}

/** One field's values over the form's stored records, as the API returns them. */
async function storedValues(page: Page, formId: string, field: string): Promise<unknown[]> {
  const stored = await api<{ records: { data: Record<string, unknown> }[] }>(
    page,
    "GET",
    `/api/forms/${formId}/records`,
  );
  return stored.records.map((r) => r.data[field]);
}

async function newAutomation(page: Page, name: string, form: string, action: string): Promise<Locator> {
  await page.getByTestId("automation-new").click();
  const editor = page.getByTestId("automation-editor");
  await editor.waitFor();
  await page.getByTestId("automation-name").fill(name);
  await choose(page, "触发表单", form);
  await page.getByTestId("automation-add-action").click();
  await page.getByTestId(`add-action-${action}`).click();
  return editor;
}

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
    const editor = await newAutomation(page, "新客户自动跟进", "客户", "createRecord");
    await choose(page, "目标表单", "跟进记录");
    await page.getByTestId("mapping-add").click();
    await choose(page, "字段", "跟进主题");
    await page.getByTestId("mapping-formula-0").fill('CONCATENATE("首次跟进：", name)');
    await shot("editor");
    await page.getByTestId("automation-save").click();
    await editor.waitFor({ state: "hidden" });
    await expect.poll(() => page.getByTestId("automation-item").count()).toBe(1);
    await shot("list");

    await submitName(page, `/apps/${app.id}/forms/${customers}/fill`, "星河科技");
    await expect.poll(() => storedValues(page, followups, "subject")).toEqual(["首次跟进：星河科技"]);

    await page.goto(`/apps/${app.id}/forms/${followups}/data`);
    await page.getByText("首次跟进：星河科技").first().waitFor();
    await shot("created-record");

    await page.goto(`/apps/${app.id}/automations`);
    await page.getByTestId("automation-open-runs").click();
    const run = page.getByTestId("automation-run").first();
    await run.waitFor();
    expect(await run.getByTestId("automation-run-status").textContent()).toBe("成功");
    expect(await run.getByTestId("automation-outcome").textContent()).toContain("新增数据");
    await drawerSettled(page);
    await shot("run-log");
  });

  it("designs an assign action: its field and members, refused half-filled, then saved and run", async () => {
    const { page, shot } = session;
    const suffix = uniqueSuffix();
    const app = await api<{ id: string }>(page, "POST", "/api/apps", { name: `销售线索 ${suffix}` });
    const created = await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, {
      key: "leads",
      name: "线索",
      fields: [
        { id: "name", type: "text", label: "线索名称", required: true },
        { id: "owner", type: "member", label: "负责人" },
      ],
    });
    await api(page, "POST", `/api/forms/${created.id}/publish`);
    const memberName = `销售甲${suffix}`;
    const member = await api<{ id: string }>(page, "POST", "/api/org/members", {
      email: `sales-${suffix}@example.com`.toLowerCase(),
      name: memberName,
    });

    await page.goto(`/apps/${app.id}/automations`);
    const editor = await newAutomation(page, "线索分配", "线索", "assign");
    // Half-filled: the action says what is missing and the editor does not save.
    await expect
      .poll(() => page.getByTestId("assign-problem-0").allTextContents())
      .toEqual(["请选择触发表单的成员单选字段。", "请至少选择一位成员。"]);
    await page.getByTestId("automation-save").click();
    await page.getByText("请先修正动作中标出的问题。").waitFor();
    expect(await editor.isVisible()).toBe(true);

    await choose(page, "要设置的成员字段", "负责人");
    await pickMember(page, page.getByTestId("assign-users-0").locator("input"), memberName);
    await expect.poll(() => page.getByTestId("assign-problem-0").count()).toBe(0);
    await shot("assign-editor");
    await page.getByTestId("automation-save").click();
    await editor.waitFor({ state: "hidden" });
    const saved = await api<{ automations: { definition: { actions: unknown[] } }[] }>(
      page,
      "GET",
      `/api/apps/${app.id}/automations`,
    );
    expect(saved.automations.map((a) => a.definition.actions)).toEqual([
      [{ type: "assign", field: "owner", users: [member.id] }],
    ]);

    await submitName(page, `/apps/${app.id}/forms/${created.id}/fill`, "星河科技");
    await expect.poll(() => storedValues(page, created.id, "owner")).toEqual([member.id]);
  });
});
