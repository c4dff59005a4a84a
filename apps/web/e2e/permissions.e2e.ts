// Permissions in the browser: the admin gives a member "submit and manage own data" on a form through
// the permissions tab; the member then sees the fill and data tabs only, submits a record, and the grid
// shows that record alone — not the one the admin made before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { api, signIn, uniqueSuffix } from "./steps";

describe("permissions (desktop)", () => {
  let admin: Session;
  let member: Session;
  beforeAll(async () => {
    admin = await openBrowser("permissions-admin", DESKTOP);
    member = await openBrowser("permissions-member", DESKTOP);
  });
  afterAll(async () => {
    await admin?.close();
    await member?.close();
  });

  it("the admin grants 'submit and manage own data'; the member sees only their own record", async () => {
    const suffix = uniqueSuffix();
    const memberName = `王小红${suffix}`;
    const email = `wxh${suffix}@example.com`;
    const password = "member-password-1";
    const { page, shot } = admin;
    await signIn(page);

    // Setup through the API: an app, a published form with one record of the admin's, a member who joined.
    const app = await api<{ id: string }>(page, "POST", "/api/apps", { name: `客户管理 ${suffix}` });
    const form = await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, {
      key: "visits",
      name: "拜访记录",
      fields: [{ id: "title", type: "text", label: "拜访主题" }],
    });
    await api(page, "POST", `/api/forms/${form.id}/publish`);
    await api(page, "POST", `/api/forms/${form.id}/records`, { data: { title: `管理员的记录${suffix}` } });
    const invited = await api<{ invite: { token: string } }>(page, "POST", "/api/org/members", {
      email,
      name: memberName,
    });

    // The admin's permissions tab: a new set with the preset, given to the member.
    await page.goto(`/apps/${app.id}/forms/${form.id}/permissions`);
    // No set yet: the form is closed to members, and the tab says so.
    await page.getByTestId("permissions-closed").waitFor();
    await page.getByTestId("add-permission-set").click();
    await page.getByTestId("permission-set-name").fill("销售代表");
    await page.getByTestId("permission-kind-submit_own").click();
    const picker = page.getByTestId("permission-members").locator("input");
    await picker.click();
    await picker.fill(memberName);
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: memberName })
      .first()
      .click();
    await page.keyboard.press("Escape");
    await shot("editor");
    await page.getByTestId("save-permission-set").click();
    await page.getByTestId("permission-set").filter({ hasText: "销售代表" }).waitFor();
    await expect
      .poll(() => page.getByTestId("permission-set").first().textContent())
      .toContain("提交并管理本人数据");
    await shot("sets");

    // The member: fill and data only; submits a record; the grid lists that record alone.
    // Accepting the invitation in the member's own browser signs them in there.
    const mine = member.page;
    await mine.goto("/login");
    await api(mine, "POST", "/api/org/invites/accept", {
      token: invited.invite.token,
      name: memberName,
      password,
    });
    await mine.goto(`/apps/${app.id}/forms/${form.id}`);
    await mine.getByTestId("fill-page").waitFor();
    expect(await mine.getByTestId("form-tab-design").count()).toBe(0);
    expect(await mine.getByTestId("form-tab-permissions").count()).toBe(0);
    await mine.locator("#field-title").fill(`我的拜访${suffix}`);
    await mine.getByRole("button", { name: /提\s*交/ }).click();
    await mine
      .getByText(/已提交|提交成功/)
      .first()
      .waitFor();
    await mine.getByTestId("form-tab-data").click();
    await mine.getByTestId("data-grid").waitFor();
    await mine.locator(".ant-table-row", { hasText: `我的拜访${suffix}` }).waitFor();
    expect(await mine.locator(".ant-table-row").count()).toBe(1);
    expect(await mine.locator(".ant-table-row", { hasText: `管理员的记录${suffix}` }).count()).toBe(0);
    await member.shot("own-records-only");
  });
});
