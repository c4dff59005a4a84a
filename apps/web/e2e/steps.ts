// Steps the browser tests share, written the way a user does them.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { e2eSettings } from "./browser";

export async function signIn(page: Page): Promise<void> {
  const { email, password } = e2eSettings();
  await page.goto("/apps");
  await page.waitForURL(/\/login/);
  await page.locator("#login_email").fill(email);
  await page.locator("#login_password").fill(password);
  await page.locator("form[id=login] button[type=submit]").click();
  await page.waitForURL(/\/apps$/);
}

export async function createApp(page: Page, name: string, description: string): Promise<string> {
  await page
    .getByRole("button", { name: /新建应用|New app/ })
    .first()
    .click();
  await page.locator("#create-app_name").fill(name);
  await page.locator("#create-app_description").fill(description);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /创\s*建|Create/ })
    .click();
  await page.waitForURL(/\/apps\/[^/]+$/);
  const appId = new URL(page.url()).pathname.split("/").pop();
  expect(appId).toBeTruthy();
  return appId!;
}

export async function createForm(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: /新建表单|New form/ }).click();
  await page.locator("#create-form_name").fill(name);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /创\s*建|Create/ })
    .click();
  await page.waitForURL(/\/forms\/[^/]+\/design$/);
}

/** The header's switch names the language it switches to. */
export async function switchLanguage(page: Page, to: "简体中文" | "English"): Promise<void> {
  const button = page.getByTestId("language-switch");
  expect(await button.innerText()).toContain(to);
  await button.click();
}

export function uniqueSuffix(): string {
  return Date.now().toString(36).slice(-5);
}

/** Calls the API with the page's session (for setup a test is not about). */
export function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json", "X-Requested-With": "formwork" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/**
 * Opens a member picker (by the id of its input), types, and picks the option showing `name`; then
 * Escape closes a multiple picker's list (`closeList: false` inside a dialog, which Escape would close).
 */
export async function pickMember(page: Page, input: Locator, name: string, closeList = true): Promise<void> {
  // The list under the picker refetches while it is open (the search, then the page's own data), and a
  // re-render can close the dropdown between finding the option and clicking it: open it again then.
  const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: name });
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await input.fill(name);
    try {
      await option.first().click({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press("Escape");
    }
  }
  if (closeList) await page.keyboard.press("Escape");
}

/** Waits until an open drawer has stopped sliding in, so a screenshot shows it where it stays. */
export async function drawerSettled(page: Page): Promise<void> {
  const panel = page.locator(".ant-drawer-content-wrapper").last();
  await panel.waitFor();
  let last = Number.NaN;
  await expect
    .poll(async () => {
      const x = Math.round((await panel.boundingBox())?.x ?? -1);
      const still = x === last;
      last = x;
      return still;
    })
    .toBe(true);
}
