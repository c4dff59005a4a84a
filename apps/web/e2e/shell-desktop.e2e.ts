import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { createApp, createForm, signIn, switchLanguage, uniqueSuffix } from "./steps";

describe("app shell on a desktop", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("desktop", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("signs in, creates an app and a form, and switches language", async () => {
    const { page, shot } = session;
    await page.goto("/");
    await page.waitForURL(/\/login/);
    await page.locator("#login_email").waitFor();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await shot("login");

    await page.locator("#login_email").fill("nobody@e2e.formwork.test");
    await page.locator("#login_password").fill("wrong-password");
    await page.locator("form[id=login] button[type=submit]").click();
    await page.getByRole("alert").getByText("邮箱或密码错误").waitFor();
    await shot("login-rejected");

    await signIn(page);
    await page.getByRole("heading", { name: "我的应用" }).waitFor();
    await shot("apps-initial");

    const name = `客户管理 ${uniqueSuffix()}`;
    await createApp(page, name, "跟进客户、报价和合同");
    await page.getByText("这个应用还没有表单").waitFor();
    await shot("app-empty");

    await createForm(page, "报价单");
    await page.getByTestId("form-tab-design").waitFor();
    await page.getByText("把字段类型拖到这里，或点击它添加").waitFor();
    await shot("form-design-tab");
    await page.getByTestId("form-tab-data").click();
    await page.waitForURL(/\/data$/);
    await page.getByText("请先发布表单，有人填写后数据会显示在这里。").waitFor();
    // The menu keeps the tab: the form's entry now leads to its data and is marked current.
    const entry = page.getByRole("link", { name: "报价单" });
    expect(await entry.getAttribute("aria-current")).toBe("page");
    expect(await entry.getAttribute("href")).toMatch(/\/data$/);

    const renamed = `${name} 2`;
    await page.getByRole("button", { name: "应用设置" }).click();
    await page.locator("#app-settings_name").fill(renamed);
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /保\s*存/ })
      .click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.getByText(renamed, { exact: true }).first().waitFor();

    await page.getByRole("link", { name: "返回应用列表" }).click();
    await page.waitForURL(/\/apps$/);
    const card = page.getByTestId("app-card").filter({ hasText: renamed });
    await card.waitFor();
    expect(await card.getByText("跟进客户、报价和合同").isVisible()).toBe(true);
    await shot("apps-with-new-app");

    await switchLanguage(page, "English");
    await page.getByRole("heading", { name: "My apps" }).waitFor();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await shot("apps-english");
    await page.reload();
    await page.getByRole("heading", { name: "My apps" }).waitFor();

    await switchLanguage(page, "简体中文");
    await page.getByRole("heading", { name: "我的应用" }).waitFor();

    await page.getByTestId("user-menu").click();
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login$/);
    await page.goto("/apps");
    await page.waitForURL(/\/login/);
  });
});
