import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, PHONE, type Session } from "./browser";
import { changeBehindTheBack, choose, publishOrders, savedViews } from "./data-steps";
import { drawerSettled, signIn, uniqueSuffix } from "./steps";

describe("the data grid (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("data-desktop", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("filters on the server, opens a record, edits it, reports a conflict and shows the history", async () => {
    const { page, shot } = session;
    await signIn(page);
    const { appId, formId } = await publishOrders(page, `订单 ${uniqueSuffix()}`, 300);
    await page.goto(`/apps/${appId}/forms/${formId}/data`);
    await page.getByTestId("data-grid").waitFor();
    await page.getByText("共 300 条").waitFor();

    // 200 rows on a page, but only the visible ones are in the DOM.
    await page.locator(".ant-pagination-options .ant-select").click();
    await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").getByTitle(/200/).click();
    await expect.poll(() => page.locator(".ant-pagination-item-2").count()).toBe(1);
    const rows = await page.locator(".ant-table-tbody-virtual .ant-table-row").count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(100);
    await shot("grid");

    await page.getByTestId("filter-toggle").click();
    await choose(page, "字段", "金额");
    await choose(page, "条件", "大于");
    await page.getByTestId("filter-panel").getByRole("spinbutton", { name: "值" }).fill("296");
    await page.getByTestId("filter-apply").click();
    await page.getByText("共 4 条").waitFor();
    await shot("filtered");

    // Sorted on the server: ascending, then descending on a second click.
    const amountHeader = page.locator(".ant-table-thead th", { hasText: "金额" });
    await amountHeader.click();
    await amountHeader.click();
    await expect.poll(() => page.locator(".ant-table-row").first().textContent()).toContain("客户300");

    await page.locator(".ant-table-row", { hasText: "客户297" }).click();
    const drawer = page.getByTestId("record-drawer");
    await drawer.getByTestId("record-details").getByText("客户297").waitFor();
    await drawer.getByTestId("record-edit").click();
    await page.locator("#field-customer").fill("客户297号");
    await drawer.getByRole("button", { name: /保\s*存/ }).click();
    await page.getByText("修改已保存").waitFor();
    await drawer.getByTestId("record-details").getByText("客户297号").waitFor();

    // Someone else saves first: our save is refused with a clear message instead of overwriting.
    await drawer.getByTestId("record-edit").click();
    await page.locator("#field-customer").fill("客户297-改");
    await changeBehindTheBack(page, formId, "客户297号");
    await drawer.getByRole("button", { name: /保\s*存/ }).click();
    await drawer.getByText("有人修改了这条数据，请重新加载").waitFor();
    await shot("conflict");
    await drawer.getByRole("button", { name: /重新加载/ }).click();
    await drawer.getByRole("button", { name: /取\s*消/ }).click();

    await drawer.getByRole("tab", { name: "修改记录" }).click();
    const history = drawer.getByTestId("record-history");
    await history.getByText("客户297号").first().waitFor();
    expect((await history.textContent()) ?? "").toMatch(/客户297\s*→\s*客户297号/);
    await shot("history");
    expect((await history.textContent()) ?? "").toMatch(/状态\s*:\s*进行中\s*→\s*已完成/);

    // Into the recycle bin from the drawer, back out of it with a bulk restore.
    await drawer.getByRole("button", { name: "删除" }).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /删\s*除/ })
      .click();
    await page.getByText("已移到回收站").first().waitFor();
    await page.getByText("共 3 条").waitFor();
    await page.locator(".ant-segmented").getByText("回收站", { exact: true }).click();
    const binned = page.locator(".ant-table-row", { hasText: "客户297号" });
    await binned.waitFor();
    await binned.locator(".ant-checkbox-input").check();
    await page
      .getByTestId("bulk-actions")
      .getByRole("button", { name: /恢\s*复/ })
      .click();
    await page.getByText("1 条数据已恢复").waitFor();
    await page.locator(".ant-segmented").getByText("数据", { exact: true }).click();
    await page.getByText("共 4 条").waitFor();

    // Bulk edit of one field on two records: one PATCH for both (the server writes them in one transaction).
    for (const name of ["客户298", "客户300"]) {
      await page.locator(".ant-table-row", { hasText: name }).locator(".ant-checkbox-input").check();
    }
    await page
      .getByTestId("bulk-actions")
      .getByRole("button", { name: /批量修改/ })
      .click();
    const dialog = page.getByRole("dialog");
    await choose(page, "字段", "状态");
    await dialog.locator("#bulk-value").click();
    await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").getByTitle("进行中").click();
    await dialog.getByRole("button", { name: /应\s*用/ }).click();
    await page.getByText("2 条数据已修改").waitFor();
    await expect.poll(() => page.locator(".ant-table-row", { hasText: "进行中" }).count()).toBe(3);
  });
});

describe("saved views (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("data-views", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("saves a view with an any-of condition group and opens it again after a reload", async () => {
    const { page, shot } = session;
    await signIn(page);
    const { appId, formId } = await publishOrders(page, `订单 ${uniqueSuffix()}`, 30);
    await page.goto(`/apps/${appId}/forms/${formId}/data`);
    await page.getByText("共 30 条").waitFor();

    // 状态 = 进行中 AND (金额 > 25 OR 客户 = 客户3): the open orders 27, 29 and 3.
    await page.getByTestId("filter-toggle").click();
    const panel = page.getByTestId("filter-panel");
    await choose(page, "字段", "状态");
    await choose(page, "值", "进行中");
    await panel.getByTestId("filter-add-group").click();
    const group = panel.getByTestId("filter-group");
    await choose(page, "字段", "金额");
    await choose(page, "条件", "大于");
    await group.getByRole("spinbutton", { name: "值" }).fill("25");
    await group.getByTestId("filter-group-add").click();
    await choose(page, "字段", "客户");
    await group.getByRole("textbox", { name: "值" }).last().fill("客户3");
    await shot("filter-groups");
    await page.getByTestId("filter-apply").click();
    await page.getByText("共 3 条").waitFor();
    await page.getByTestId("view-unsaved").waitFor();

    // Saved as a new view, shared with everyone who may see the form.
    await page.getByTestId("view-save").click();
    await page.locator("#view-name").fill("进行中的大单");
    await page.getByTestId("view-shared").click();
    await page.locator("#view-name").press("Enter");
    await page.getByText("视图已保存").first().waitFor();
    await expect.poll(() => page.getByTestId("view-unsaved").count()).toBe(0);
    const [saved] = await savedViews(page, formId);
    expect(saved).toMatchObject({
      name: "进行中的大单",
      shared: true,
      filter: {
        and: [
          { "==": [{ var: "status" }, "open"] },
          { or: [{ ">": [{ var: "amount" }, 25] }, { "==": [{ var: "customer" }, "客户3"] }] },
        ],
      },
    });

    // After a reload the view opens again, filter groups and all.
    await page.reload();
    await page.getByText("共 3 条").waitFor();
    expect(await page.getByTestId("view-switcher").textContent()).toContain("进行中的大单");
    await page.getByTestId("filter-toggle").click();
    await expect.poll(() => page.getByTestId("filter-group").count()).toBe(1);
    expect(await page.getByTestId("filter-group-match").textContent()).toContain("满足任一条件");
    expect(await page.getByTestId("filter-group").getByRole("spinbutton", { name: "值" }).inputValue()).toBe(
      "25",
    );
    await shot("view-reloaded");

    // Switching views switches the rows.
    await page.getByTestId("view-switcher").click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .getByTitle("全部数据")
      .click();
    await page.getByText("共 30 条").waitFor();
    await page.getByTestId("view-switcher").click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .getByTitle("进行中的大单")
      .click();
    await page.getByText("共 3 条").waitFor();
  });
});

describe("the data grid (phone)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("data-phone", PHONE, { mobile: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it("scrolls the table sideways inside the page and opens records full width", async () => {
    const { page, shot } = session;
    await signIn(page);
    const { appId, formId } = await publishOrders(page, `订单 ${uniqueSuffix()}`, 20);
    await page.goto(`/apps/${appId}/forms/${formId}/data`);
    await page.getByText("共 20 条").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot("grid");
    await page.locator(".ant-table-row", { hasText: "客户1" }).first().click();
    const panel = page.locator(".ant-drawer-content-wrapper");
    await panel.waitFor();
    expect((await panel.boundingBox())?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    await drawerSettled(page);
    await shot("record");
  });
});
