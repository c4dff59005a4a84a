// Dashboards: an administrator creates one from the app menu, adds a KPI, a bar chart and a pivot
// through the widget editor, a date-range control whose field it edits, saves; then sets the date range, clicks a bar to
// cross-filter the others (a chip shows it, clicking it clears), drills down to the records; and the
// same dashboard on a 375 px phone stacks its widgets.
import { copyFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, PHONE, type Session } from "./browser";
import { publishOrders } from "./data-steps";
import { signIn, uniqueSuffix } from "./steps";

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "screenshots");
const README_SHOT = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "docs",
  "screenshots",
  "dashboard.png",
);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const openDropdowns = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await openDropdowns(page).locator(".ant-select-item-option", { hasText: option }).first().click();
  // The list closes with an animation; until it is gone it covers what the next step clicks.
  await expect.poll(() => openDropdowns(page).count()).toBe(0);
}

async function addWidget(page: Page, setUp: () => Promise<void>): Promise<void> {
  await page.getByTestId("add-widget").click();
  await page.getByTestId("widget-editor").waitFor();
  await setUp();
  await page.getByTestId("widget-editor-ok").click();
  await page.getByTestId("widget-editor").waitFor({ state: "detached" });
}

describe("dashboards", () => {
  let desktop: Session;
  let dashboardUrl = "";
  beforeAll(async () => {
    desktop = await openBrowser("dashboards-desktop", DESKTOP);
  });
  afterAll(async () => {
    await desktop?.close();
  });

  it("builds a dashboard, filters by date, cross-filters by a bar and drills down", async () => {
    const { page, shot } = desktop;
    await signIn(page);
    // Ten orders: amounts 1..10, odd ones 进行中 (sum 25), even ones 已完成 (sum 30).
    const { appId } = await publishOrders(page, `仪表盘 ${uniqueSuffix()}`, 10);
    await page.goto(`/apps/${appId}`);
    await page.getByTestId("new-dashboard").click();
    await page.waitForURL(/\/dashboards\/[^/]+$/);
    dashboardUrl = new URL(page.url()).pathname;
    await page.getByTestId("edit-dashboard").click();

    await addWidget(page, async () => {
      await choose(page, "widget-kind", "指标卡");
      await choose(page, "measure-op-0", "求和");
      await choose(page, "measure-field-0", "金额");
      await choose(page, "compare-field", "提交时间");
      await page.getByTestId("widget-title").fill("销售额");
    });
    await addWidget(page, async () => {
      await page.getByTestId("add-dimension").click();
      await choose(page, "dimension-0", "状态");
      await page.getByTestId("widget-title").fill("按状态");
    });
    await addWidget(page, async () => {
      await choose(page, "widget-kind", "透视表");
      await page.getByTestId("add-dimension").click();
      await choose(page, "dimension-0", "状态");
      await choose(page, "measure-op-0", "求和");
      await choose(page, "measure-field-0", "金额");
    });
    await choose(page, "add-control", "日期范围");
    // The control's field per form is editable: it binds to the submission time (the orders have no
    // date field); cleared, the control would not filter the orders; chosen again, it does.
    await page.getByTestId("control-settings-daterange_1").click();
    const mapping = page.getByTestId("control-field-daterange_1-orders");
    await mapping.waitFor();
    expect(await mapping.textContent()).toContain("提交时间");
    await mapping.hover();
    await mapping.locator(".ant-select-clear").click();
    await expect.poll(() => mapping.textContent()).not.toContain("提交时间");
    await choose(page, "control-field-daterange_1-orders", "提交时间");
    await expect.poll(() => mapping.textContent()).toContain("提交时间");
    await shot("control-fields");
    await page.getByTestId("control-settings-daterange_1").click();
    await page.getByTestId("save-dashboard").click();
    await page.getByTestId("edit-dashboard").waitFor();
    const saved = await page.evaluate(async (path) => {
      // The page's path /apps/:app/dashboards/:id is the API's under /api.
      const response = await fetch(`/api${path}`);
      return (await response.json()) as { definition: { filters: { fields: Record<string, string> }[] } };
    }, dashboardUrl);
    expect(saved.definition.filters[0]?.fields).toEqual({ orders: "$createdAt" });

    const kpi = page.locator('[data-widget-id] [data-testid="kpi-value"]');
    await expect.poll(() => kpi.textContent()).toBe("55");
    const pivot = page.getByTestId("pivot");
    await expect.poll(() => pivot.textContent()).toContain("合计");
    expect(await pivot.textContent()).toContain("55");

    // The date range: yesterday to tomorrow holds every record in any zone; the KPI compares it with
    // the three days before (nothing there).
    const range = page.getByTestId("dashboard-filters").locator(".ant-picker-input input");
    await range.first().click();
    await range.first().fill(day(-1));
    await range.nth(1).fill(day(1));
    await range.nth(1).press("Enter");
    await expect.poll(() => kpi.textContent()).toBe("55");
    await shot("built");

    // Click the first bar (已完成): the KPI and the pivot follow, the chip names the selection.
    const chart = page.locator('[data-kind="bar"] [data-testid="chart"]');
    await chart.waitFor();
    const box = (await chart.boundingBox())!;
    await expect
      .poll(async () => {
        await page.mouse.click(box.x + box.width * 0.28, box.y + box.height * 0.7);
        return page.getByTestId("cross-filter-chip").isVisible();
      })
      .toBe(true);
    expect(await page.getByTestId("cross-filter-chip").textContent()).toContain("已完成");
    await expect.poll(() => kpi.textContent()).toBe("30");
    await expect.poll(() => pivot.textContent()).not.toContain("进行中");
    await shot("cross-filtered");
    await page.screenshot({ path: join(SCREENSHOTS, "dashboard-readme.png") });
    await copyFile(join(SCREENSHOTS, "dashboard-readme.png"), README_SHOT).catch(() => undefined);

    // Drill down from the KPI: the five records behind 30.
    await page.locator('[data-kind="kpi"] [data-testid="widget-drill"]').click();
    const drawer = page.getByTestId("drill-drawer");
    await expect.poll(() => drawer.locator(".ant-table-row").count()).toBe(5);
    await shot("drill-down");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    // The chip clears the selection.
    await page.getByTestId("cross-filter-chip").locator(".ant-tag-close-icon").click();
    await expect.poll(() => kpi.textContent()).toBe("55");
  });

  it("stacks the widgets on a 375 px phone", async () => {
    const phone = await openBrowser("dashboards-phone", PHONE, { mobile: true });
    try {
      const { page, shot } = phone;
      await signIn(page);
      await page.goto(dashboardUrl);
      const widgets = page.getByTestId("widget");
      await widgets.nth(2).waitFor({ timeout: 60_000 });
      expect(await widgets.count()).toBe(3);
      await page.getByTestId("kpi-value").waitFor();
      const boxes = await Promise.all([0, 1, 2].map(async (i) => (await widgets.nth(i).boundingBox())!));
      for (const b of boxes) {
        expect(b.x).toBeLessThan(20);
        expect(b.width).toBeGreaterThan(300);
      }
      expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y);
      await shot("stacked");
    } finally {
      await phone.close();
    }
  });
});
