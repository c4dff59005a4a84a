import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { publishOrders } from "./data-steps";
import { signIn, uniqueSuffix } from "./steps";
import { createSalesOrg, grantEveryone, PASSWORD, signInAs } from "./workflow-steps";

describe("comments and the notification bell (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("comments-desktop", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("a comment @mentioning a member lights their bell; the centre opens the record in its drawer and marks it read", async () => {
    const { page, shot } = session;
    await signIn(page);
    const suffix = uniqueSuffix();
    const org = await createSalesOrg(page, suffix);
    const { appId, formId } = await publishOrders(page, `评论 ${suffix}`, 3);
    await grantEveryone(page, formId, "manage_all");
    await page.goto(`/apps/${appId}/forms/${formId}/data`);
    await page.locator(".ant-table-row", { hasText: "客户2" }).click();
    const drawer = page.getByTestId("record-drawer");
    await drawer.getByRole("tab", { name: "评论" }).click();
    await drawer.getByText("还没有评论").waitFor();
    await drawer.getByPlaceholder("写下评论…").fill("请看一下这个订单");
    await drawer.getByTestId("comment-composer").locator(".ant-select").click();
    await page.keyboard.type(org.rep.name);
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: org.rep.name })
      .first()
      .click();
    await drawer.getByRole("button", { name: /发\s*表/ }).click();
    await drawer.getByTestId("comment").getByText("请看一下这个订单").waitFor();
    await drawer.getByTestId("comment").getByText(`@${org.rep.name}`).waitFor();
    await shot("comment-posted");

    await signInAs(page, org.rep.email, PASSWORD);
    await expect
      .poll(() => page.getByTestId("nav-notifications-count").textContent(), { timeout: 20_000 })
      .toBe("1");
    await page.getByTestId("nav-notifications").click();
    const item = page.getByTestId("notification-item").first();
    await item.getByText("在评论中提到了你：客户2").waitFor();
    await shot("notification-centre");
    await item.click();
    await page.waitForURL((url) => url.pathname === `/apps/${appId}/forms/${formId}/data`);
    // The link names the record: its drawer opens on it, wherever it sits in the grid.
    await page
      .getByTestId("record-drawer")
      .getByText("请看一下这个订单")
      .or(page.getByTestId("record-drawer").getByText("客户2"))
      .first()
      .waitFor();
    // The drawer's slide-in, so the screenshot shows it whole.
    await page.waitForTimeout(400);
    await shot("notification-opened-record");
    await expect.poll(() => page.getByTestId("nav-notifications-count").count()).toBe(0);
  });
});
