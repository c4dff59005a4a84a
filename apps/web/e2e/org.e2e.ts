// Organisation admin in the browser: a department, a member added to it, a head set, and the member
// found by department browsing in a form's member picker; the pages at desktop and phone width.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, PHONE, type Session } from "./browser";
import { api, pickMember, signIn, uniqueSuffix } from "./steps";

describe("organisation (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("org-desktop", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("creates a department, adds a member, sets the head, and the form's member picker finds them by department", async () => {
    const { page, shot } = session;
    const suffix = uniqueSuffix();
    const departmentName = `华东销售部${suffix}`;
    const memberName = `李晓明${suffix}`;
    await signIn(page);

    // The admin's way in: the account menu.
    await page.getByTestId("user-menu").click();
    await page.getByRole("button", { name: /组织架构/ }).click();
    await page.waitForURL(/\/admin\/org\/members$/);

    // A department.
    await page.getByRole("tab", { name: /部门/ }).click();
    await page.waitForURL(/\/admin\/org\/departments$/);
    await page
      .getByRole("button", { name: /新建部门/ })
      .first()
      .click();
    await page.locator("#department-form_name").fill(departmentName);
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /创\s*建/ })
      .click();
    await page.getByRole("heading", { name: departmentName }).waitFor();

    // A member, invited: the link is shown to copy.
    await page.getByRole("tab", { name: /成员/ }).click();
    await page.getByRole("button", { name: /添加成员/ }).click();
    await page.locator("#member-form_name").fill(memberName);
    await page.locator("#member-form_email").fill(`lxm${suffix}@example.com`);
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /创\s*建/ })
      .click();
    const link = page.getByTestId("invite-url");
    await link.waitFor();
    expect(await link.inputValue()).toMatch(/\/invite#[A-Za-z0-9_-]{43}$/);
    await shot("invite-link");
    await page.getByRole("button", { name: /完\s*成/ }).click();
    await page.locator("tr", { hasText: memberName }).getByText("待加入").waitFor();

    // Into the department, then made its head.
    await page.getByRole("tab", { name: /部门/ }).click();
    await page.locator(".ant-tree-node-content-wrapper", { hasText: departmentName }).click();
    await pickMember(page, page.getByTestId("department-add-members").locator("input"), memberName);
    await page
      .getByTestId("department-add-members")
      .getByRole("button", { name: /添加成员/ })
      .click();
    await page.locator("tr", { hasText: memberName }).waitFor();
    await pickMember(page, page.getByTestId("department-heads").locator("input"), memberName);
    await page.locator("tr", { hasText: memberName }).getByText("负责人").waitFor();
    await shot("department-with-head");

    const departments = await api<{ departments: { id: string; name: string; headIds: string[] }[] }>(
      page,
      "GET",
      "/api/org/departments",
    );
    const department = departments.departments.find((d) => d.name === departmentName);
    expect(department?.headIds).toHaveLength(1);

    // The members list filtered by the department.
    await page.getByRole("tab", { name: /成员/ }).click();
    await page.locator(".ant-tree-node-content-wrapper", { hasText: departmentName }).click();
    await page
      .locator("tr", { hasText: memberName })
      .getByText(/负责人/)
      .waitFor();
    await shot("members");

    // A role group, a role in it, and the member given the role.
    await page.getByRole("tab", { name: /角色/ }).click();
    await page.getByRole("button", { name: /新建角色组/ }).click();
    await page.locator("#role-form_name").fill(`职务${suffix}`);
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /创\s*建/ })
      .click();
    await page.getByRole("button", { name: "新建角色", exact: true }).first().click();
    await page.locator("#role-form_name").fill(`财务${suffix}`);
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /创\s*建/ })
      .click();
    await page.getByRole("heading", { name: `财务${suffix}` }).waitFor();
    await pickMember(page, page.getByTestId("role-add-members").locator("input"), memberName);
    await page
      .getByTestId("role-add-members")
      .getByRole("button", { name: /添加成员/ })
      .click();
    await page.locator("tr", { hasText: memberName }).waitFor();
    await shot("roles");

    // A form with a member field: its picker browses the department and finds the member.
    const app = await api<{ id: string }>(page, "POST", "/api/apps", { name: `审批 ${suffix}` });
    const form = await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, {
      key: "requests",
      name: "申请单",
      fields: [
        { id: "title", type: "text", label: "事项" },
        { id: "owner", type: "member", label: "负责人" },
        { id: "dept", type: "department", label: "所属部门" },
      ],
    });
    await api(page, "POST", `/api/forms/${form.id}/publish`);
    await page.goto(`/apps/${app.id}/forms/${form.id}/fill`);
    await page.getByTestId("fill-page").waitFor();
    await page.locator("#field-owner").click();
    const browse = page.getByRole("toolbar", { name: /按部门浏览/ });
    await browse.getByRole("button", { name: new RegExp(departmentName) }).click();
    const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", {
      hasText: memberName,
    });
    await option.waitFor();
    // Only the department's members are listed while browsing it.
    await expect
      .poll(() => page.locator(".ant-select-dropdown:visible .ant-select-item-option").count())
      .toBe(1);
    await shot("member-picker-by-department");
    await option.click();
    await expect
      .poll(() => page.locator('[data-field="owner"] .ant-select').textContent())
      .toContain(memberName);
    await page.locator("#field-dept").click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-tree-title", { hasText: departmentName })
      .click();
    await expect
      .poll(() => page.locator('[data-field="dept"] .ant-select').textContent())
      .toContain(departmentName);
    await shot("form-with-member-and-department");
  });
});

describe("organisation (phone)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("org-phone", PHONE, { mobile: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it("the organisation pages and the invite page fit a 375 px screen", async () => {
    const { page, shot } = session;
    await signIn(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    for (const tab of ["members", "departments", "roles"]) {
      await page.goto(`/admin/org/${tab}`);
      await page.getByRole("tab", { selected: true }).waitFor();
      await page.waitForLoadState("networkidle");
      await shot(tab);
      expect(await overflow()).toBeLessThanOrEqual(0);
    }
    const invited = await api<{ invite: { path: string; token: string } }>(page, "POST", "/api/org/members", {
      email: `join${uniqueSuffix()}@example.com`,
      name: "新同事",
    });
    await page.goto(`${invited.invite.path}#${invited.invite.token}`);
    await page.getByRole("button", { name: /加入并登录/ }).waitFor();
    await shot("join");
    expect(await overflow()).toBeLessThanOrEqual(0);
    // A made-up token gets the one answer every bad link gets.
    await page.goto("/invite#not-a-real-token");
    await page.getByText(/邀请链接无效、已过期或已被使用/).waitFor();
  });
});
