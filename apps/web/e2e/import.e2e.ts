// Importing into the data grid as a user does it: a GBK CSV (Chinese Excel's plain CSV) whose encoding
// is detected and shown, then an .xlsx with one bad row — its error highlighted in the preview, the
// import run with "skip bad rows", the rejected row downloaded with its error, the good rows found in
// the grid. On a phone the dialog still fits. The files are generated here (iconv-lite, exceljs).
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, PHONE, type Session } from "./browser";
import { publishOrders } from "./data-steps";
import { signIn, uniqueSuffix } from "./steps";

async function chooseFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByTestId("import-open").click();
  await page.getByText("点击或拖拽 Excel (.xlsx) 或 CSV 文件到这里").waitFor();
  await page.locator("input[type=file]").setInputFiles({ name, mimeType, buffer });
}

async function searchGrid(page: Page, text: string) {
  const search = page.getByTestId("grid-search").locator("input");
  await search.fill(text);
  await search.press("Enter");
}

describe("import (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("import-desktop", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("imports a GBK CSV and an xlsx with a bad row, skipping it and offering it for download", async () => {
    const { page, shot } = session;
    await signIn(page);
    const { appId, formId } = await publishOrders(page, `导入 ${uniqueSuffix()}`, 1);
    await page.goto(`/apps/${appId}/forms/${formId}/data`);
    await page.getByTestId("data-grid").waitFor();
    await page.getByText("共 1 条").waitFor();

    // 1. A CSV saved by Chinese Excel: GBK bytes. Detected, shown, and read correctly.
    const gbk = iconv.encode("客户,金额,状态\r\n甲公司,10,进行中\r\n乙公司,20,已完成\r\n", "gbk");
    await chooseFile(page, "订单.csv", "text/csv", gbk);
    const dialog = page.getByTestId("import-dialog");
    await dialog.getByTestId("import-summary").waitFor();
    await expect.poll(() => dialog.getByTestId("import-encoding").textContent()).toContain("GBK");
    await dialog.getByText("自动识别：GBK / GB18030").waitFor();
    expect(await dialog.getByTestId("import-summary").textContent()).toContain("共 2 行");
    await dialog.getByTestId("import-preview").getByText("甲公司").waitFor();
    await shot("gbk-preview");
    await dialog.getByTestId("import-start").click();
    await dialog.getByTestId("import-status").getByText("导入完成").waitFor({ timeout: 60_000 });
    expect(await dialog.getByTestId("import-result").textContent()).toContain("新增 2 条");
    await shot("gbk-done");
    await dialog.getByTestId("import-close").click();
    await page.getByText("共 3 条").waitFor();

    // 2. An xlsx with one bad row: its error is shown before anything is written.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("订单");
    sheet.addRow(["客户", "金额", "状态"]);
    sheet.addRow(["丙公司", 30, "进行中"]);
    sheet.addRow(["丁公司", "三十", "已完成"]);
    sheet.addRow(["戊公司", 50, "已完成"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await chooseFile(
      page,
      "订单.xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      xlsx,
    );
    await dialog.getByTestId("import-summary").getByText("1 行有错误").waitFor();
    const badRow = dialog.getByTestId("import-preview").locator("tr", { hasText: "丁公司" });
    await badRow.getByText(/金额/).first().waitFor();
    expect(await badRow.getAttribute("class")).toMatch(/errorRow/);
    await shot("xlsx-preview-errors");
    // All-or-nothing is the default: starting needs the choice to skip bad rows.
    expect(await dialog.getByTestId("import-start").isDisabled()).toBe(true);
    await dialog.getByTestId("import-skip").click();
    await dialog.getByTestId("import-start").click();
    await dialog.getByTestId("import-status").getByText("导入完成").waitFor({ timeout: 60_000 });
    expect(await dialog.getByTestId("import-result").textContent()).toMatch(/新增 2 条.*未导入 1 行/);
    await shot("xlsx-done");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByTestId("import-download").click(),
    ]);
    const text = (await readFile((await download.path())!)).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("丁公司");
    expect(text).toContain("三十");
    expect(text).toContain("金额");
    expect(text).not.toContain("丙公司");

    await dialog.getByTestId("import-close").click();
    await page.getByText("共 5 条").waitFor();
    await searchGrid(page, "戊公司");
    await page.locator(".ant-table-row", { hasText: "戊公司" }).waitFor();
    await page.getByText("共 1 条").waitFor();
    await shot("grid-after-import");
  });
});

describe("import (phone)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("import-phone", PHONE);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("fits the import drawer on a 375 px screen", async () => {
    const { page, shot } = session;
    await signIn(page);
    const { appId, formId } = await publishOrders(page, `导入手机 ${uniqueSuffix()}`, 1);
    await page.goto(`/apps/${appId}/forms/${formId}/data`);
    await page.getByTestId("data-grid").waitFor();
    await chooseFile(page, "a.csv", "text/csv", Buffer.from("\uFEFF客户,金额\r\n己公司,1\r\n"));
    const dialog = page.getByTestId("import-dialog");
    await dialog.getByTestId("import-summary").waitFor();
    const box = await dialog.boundingBox();
    // Rounded: the drawer's slide-in leaves sub-pixel widths (375.00001).
    expect(Math.round(box?.width ?? 999)).toBeLessThanOrEqual(375);
    await shot("phone-preview");
    await dialog.getByTestId("import-start").click();
    await dialog.getByTestId("import-status").getByText("导入完成").waitFor({ timeout: 60_000 });
    await shot("phone-done");
  });
});
