// The workflow browser test's steps: an organisation (a sales department whose head is the manager),
// a quote form, signing in as someone else, and the flow designer's gestures.
import type { FormDefinition } from "@formwork/schema";
import type { Locator, Page } from "playwright-core";

export const PASSWORD = "e2e-member-password-1";

export const QUOTES: FormDefinition = {
  key: "quotes",
  name: { "zh-CN": "报价审批", en: "Quote approval" },
  fields: [
    { id: "customer", type: "text", label: "客户", required: true },
    { id: "discount", type: "number", label: "折扣", min: 0, max: 1 },
    { id: "reason", type: "textarea", label: "折扣原因" },
  ],
};

/** Calls the API with the page's session (and its CSRF header). */
export async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json", "X-Requested-With": "formwork" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    { method, path, body },
  ) as Promise<T>;
}

export interface Org {
  rep: { email: string; name: string };
  manager: { email: string; name: string };
}

/** A sales department: the rep is a member, the manager its head (the approval's "department head, level 1"). */
export async function createSalesOrg(page: Page, suffix: string): Promise<Org> {
  const department = await call<{ id: string }>(page, "POST", "/api/org/departments", {
    name: `销售部 ${suffix}`,
  });
  const member = async (name: string, login: string) => {
    const email = `${login}-${suffix}@e2e.formwork.test`;
    const created = await call<{ id?: string; member?: { id: string } }>(page, "POST", "/api/org/members", {
      email,
      name,
      password: PASSWORD,
      departmentIds: [department.id],
      primaryDepartmentId: department.id,
    });
    return { id: created.member?.id ?? (created.id as string), email, name };
  };
  const rep = await member(`销售 ${suffix}`, "rep");
  const manager = await member(`经理 ${suffix}`, "manager");
  await call(page, "PUT", `/api/org/departments/${department.id}/heads`, { userIds: [manager.id] });
  return { rep, manager };
}

export async function createQuoteForm(
  page: Page,
  appName: string,
): Promise<{ appId: string; formId: string }> {
  const app = await call<{ id: string }>(page, "POST", "/api/apps", { name: appName });
  const form = await call<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, QUOTES);
  return { appId: app.id, formId: form.id };
}

/**
 * Gives every member a permission set of `kind` on a published form (a form without a set is closed to
 * members, issue 6): what the expense and leave templates grant their approval forms.
 */
export async function grantEveryone(page: Page, formId: string, kind = "submit_own"): Promise<void> {
  await call(page, "POST", `/api/forms/${formId}/permission-sets`, {
    name: `全部成员 ${kind}`,
    kind,
    members: [{ type: "all" }],
  });
}

/** Signs out whoever is signed in and signs in as `email` through the login page. */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await call(page, "POST", "/api/auth/logout").catch(() => undefined);
  await page.goto("/login");
  await page.locator("#login_email").fill(email);
  await page.locator("#login_password").fill(password);
  await page.locator("form[id=login] button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: text })
    .first()
    .click();
}

/** Clicks a card on the flow canvas (its title, away from the connection handles). */
export async function selectNode(page: Page, id: string): Promise<void> {
  await page.getByTestId(`flow-node-${id}`).locator("span").first().click();
  await page.getByTestId("node-panel").getByText(id).waitFor();
}

/** Names the selected node (its Chinese name). */
export async function nameNode(page: Page, name: string): Promise<void> {
  await page.locator("#node-name-zh-CN").fill(name);
}

/** Publishes the form open in the designer: the summary, the confirmation, then the published badge. */
export async function publishFromDesigner(page: Page): Promise<void> {
  await page.getByTestId("publish").click();
  await page.getByTestId("publish-summary").waitFor();
  await page.getByTestId("publish-confirm").click();
  await page
    .getByText(/已发布/)
    .first()
    .waitFor();
}
