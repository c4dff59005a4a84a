// The CRM journey's steps, done the way a person does them on the fill page, the admin's member list,
// the inbox and the dashboards. Waits are for states (an option listed, a dropdown gone, a message
// shown), never for time: the machine may be heavily loaded.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { signInAs } from "./workflow-steps";

export const SLOW = { timeout: 60_000 };
export const POLL = { timeout: 60_000 };
export const PASSWORD = "crm-journey-password-1";

const openDropdown = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");

/** Waits until no select dropdown is open or closing (a closing one may list the same option). */
async function noDropdown(page: Page): Promise<void> {
  await expect.poll(() => openDropdown(page).count(), POLL).toBe(0);
}

/** Picks an option of the select field `fieldId` (of a sub-form cell too: `items-0-product`). */
export async function selectOption(page: Page, fieldId: string, label: string): Promise<void> {
  await noDropdown(page);
  await page.locator(`#field-${fieldId}`).click();
  await openDropdown(page).getByTitle(label, { exact: true }).first().click();
  await noDropdown(page);
}

/**
 * Picks a linked record: types into the picker, waits for the server's answer to list it, clicks it.
 * The list refetches while typing; a re-render may close the dropdown under the click: open it again.
 */
export async function pickRecord(page: Page, fieldId: string, search: string, title = search): Promise<void> {
  const input = page.locator(`#field-${fieldId}`);
  const option = openDropdown(page).locator(".ant-select-item-option", { hasText: title });
  for (let attempt = 1; ; attempt++) {
    await noDropdown(page);
    await input.click();
    await input.fill(search);
    try {
      await option.first().click({ timeout: 20_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press("Escape");
    }
  }
  await noDropdown(page);
  await expect
    .poll(
      () =>
        page
          .locator(`[data-field="${fieldId.split("-")[0]}"]`)
          .first()
          .textContent(),
      POLL,
    )
    .toContain(title);
}

/** A day `offset` days from today as the date pickers title their cells (local time). */
export function dayTitle(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Picks a day in the (read-only) date or date-time picker of `fieldId`; a date-time is confirmed. */
export async function pickDay(page: Page, fieldId: string, offset: number, withTime = false): Promise<void> {
  await page.locator(`#field-${fieldId}`).click();
  const panel = page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
  await panel.waitFor();
  const cell = panel.locator(`td[title="${dayTitle(offset)}"]`);
  if ((await cell.count()) === 0) await panel.locator(".ant-picker-header-next-btn").first().click();
  await cell.first().click();
  if (withTime) await panel.locator(".ant-picker-ok button").click();
  await panel.waitFor({ state: "hidden" });
  await expect.poll(() => page.locator(`#field-${fieldId}`).inputValue(), POLL).toContain(dayTitle(offset));
}

/** Submits the fill page and waits for its success view. */
export async function submitFill(page: Page): Promise<void> {
  await page.getByRole("button", { name: /提\s*交/ }).click();
  await page.locator(".ant-result-success").waitFor(SLOW);
}

/** From the success view, a fresh copy of the form. */
export async function fillAnother(page: Page): Promise<void> {
  await page.getByRole("button", { name: /再填一份/ }).click();
  await page.locator(".ant-result-success").waitFor({ state: "detached" });
}

/** Opens a form of the app from the workspace's menu, on the tab given. */
export async function openForm(page: Page, appId: string, name: string, tab: "fill" | "data"): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith(`/apps/${appId}`)) await page.goto(`/apps/${appId}`);
  await page.getByTestId("menu-form").filter({ hasText: name }).first().locator("a").click();
  await page.getByTestId(`form-tab-${tab}`).click();
  if (tab === "fill") await page.getByTestId("fill-page").waitFor(SLOW);
  else await page.getByTestId("data-grid").waitFor(SLOW);
}

export interface Person {
  name: string;
  email: string;
}

/**
 * The admin's way to hand a demo account to a person: in 组织架构 → 成员, find the member of this
 * install (its demo email carries the install's tag), set a password, enable the account.
 */
export async function giveLogin(page: Page, name: string, tag: string): Promise<Person> {
  const search = page.getByPlaceholder("搜索姓名或邮箱");
  await search.fill(tag);
  const row = page.locator("tr.ant-table-row", { hasText: name }).filter({ hasText: tag });
  await row.waitFor(SLOW);
  const email = /[\w.-]+@demo\.invalid/.exec((await row.textContent()) ?? "")?.[0];
  expect(email).toBeTruthy();
  await row.getByRole("button", { name: "设置密码" }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(name) });
  await dialog.getByText("设置密码后还需“启用”才能登录").waitFor();
  await dialog.locator("#member-password_password").fill(PASSWORD);
  await dialog.getByRole("button", { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: "detached", ...SLOW });
  await row.getByRole("button", { name: "启用" }).click();
  await row.getByText("正常").waitFor(SLOW);
  return { name, email: email! };
}

export async function signInPerson(page: Page, person: Person): Promise<void> {
  await signInAs(page, person.email, PASSWORD);
}

/** The person's inbox (待办) row for a record title, waited for through the refetches a task's arrival needs. */
export async function inboxRow(page: Page, title: string) {
  await page.goto("/tasks");
  await page.getByTestId("tasks-page").waitFor(SLOW);
  const row = page.getByTestId("inbox-row").filter({ hasText: title });
  await expect
    .poll(async () => {
      if ((await row.count()) > 0) return true;
      await page.reload();
      await page.getByTestId("tasks-page").waitFor(SLOW);
      return (await row.count()) > 0;
    }, POLL)
    .toBe(true);
  return row.first();
}

/** Approves the record's pending task from the inbox, with a comment; answers the node's text in the row. */
export async function approveFromInbox(
  page: Page,
  title: string,
  comment: string,
  beforeApprove?: () => Promise<void>,
): Promise<string> {
  const row = await inboxRow(page, title);
  const text = (await row.textContent()) ?? "";
  await row.locator("a").first().click();
  await page.getByTestId("task-page").waitFor(SLOW);
  await page.getByTestId("action-comment").fill(comment);
  await beforeApprove?.();
  await page.getByTestId("action-approve").click();
  await page.getByTestId("tasks-page").waitFor(SLOW);
  await expect.poll(() => page.getByTestId("inbox-row").filter({ hasText: title }).count(), POLL).toBe(0);
  return text;
}
