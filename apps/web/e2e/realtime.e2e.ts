// Realtime in the browser: two browser contexts (an admin and a member, each signed in with their own
// session) on the same form's data grid. A submission made in one makes the new row appear in the
// other's grid without a reload, and a mention makes the member's bell count change live.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { publishOrders } from "./data-steps";
import { signIn, uniqueSuffix } from "./steps";
import { call, createSalesOrg, grantEveryone, PASSWORD, signInAs } from "./workflow-steps";

/** Marks the loaded document: the mark survives anything but a reload or a navigation. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __notReloaded?: boolean }).__notReloaded = true;
  });
}

function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);
}

describe("realtime grid and bell (two browsers)", () => {
  let admin: Session;
  let member: Session;
  beforeAll(async () => {
    admin = await openBrowser("realtime-admin", DESKTOP);
    member = await openBrowser("realtime-member", DESKTOP);
  });
  afterAll(async () => {
    await admin?.close();
    await member?.close();
  });

  it("a submission in one browser appears in the other's grid, and the bell counts a mention live", async () => {
    await signIn(admin.page);
    const suffix = uniqueSuffix();
    const org = await createSalesOrg(admin.page, suffix);
    const { appId, formId } = await publishOrders(admin.page, `实时 ${suffix}`, 2);
    await grantEveryone(admin.page, formId, "manage_all");
    const grid = `/apps/${appId}/forms/${formId}/data`;

    await signInAs(member.page, org.rep.email, PASSWORD);
    await admin.page.goto(grid);
    await member.page.goto(grid);
    for (const page of [admin.page, member.page]) {
      await page.locator(".ant-table-row", { hasText: "客户2" }).waitFor();
      await markDocument(page);
    }
    await admin.shot("grid-before");

    // The member submits through the fill page in a second tab of their browser.
    const fill = await member.context.newPage();
    await fill.goto(`/apps/${appId}/forms/${formId}/fill`);
    await fill.getByTestId("fill-page").waitFor();
    const customer = `实时客户 ${suffix}`;
    await fill.locator("#field-customer").fill(customer);
    await fill.locator("#field-amount").fill("42");
    const [submitted] = await Promise.all([
      fill.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/records")),
      fill.getByRole("button", { name: /提\s*交/ }).click(),
    ]);
    expect(submitted.status(), await submitted.text()).toBe(201);

    // Both grids show the new row, neither page reloaded.
    await admin.page.locator(".ant-table-row", { hasText: customer }).waitFor({ timeout: 30_000 });
    await member.page.locator(".ant-table-row", { hasText: customer }).waitFor({ timeout: 30_000 });
    expect(await stillSameDocument(admin.page)).toBe(true);
    expect(await stillSameDocument(member.page)).toBe(true);
    await admin.shot("grid-after-remote-submission");
    await fill.close();

    // The admin mentions the member in a comment on that record: the member's bell lights up live.
    const found = await call<{ records: { id: string }[] }>(
      admin.page,
      "GET",
      `/api/forms/${formId}/records?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "customer" }, customer] }))}`,
    );
    // createSalesOrg's members carry their ids too.
    const rep = org.rep as typeof org.rep & { id: string };
    expect(await member.page.getByTestId("nav-notifications-count").count()).toBe(0);
    await call(admin.page, "POST", `/api/forms/${formId}/records/${found.records[0]!.id}/comments`, {
      text: "请跟进这个客户",
      mentions: [rep.id],
    });
    await expect
      .poll(() => member.page.getByTestId("nav-notifications-count").textContent(), { timeout: 30_000 })
      .toBe("1");
    expect(await stillSameDocument(member.page)).toBe(true);
    await member.shot("bell-live");
  });
});
