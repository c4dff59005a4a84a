// The print view end to end: a purchase form with a serial number, a sub-form and an approval flow; the
// admin submits a record and approves it with a comment and a handwritten signature; the record drawer
// offers 打印, whose A4 page shows the title, the serial number, the fields (sub-form as a table), and the
// flow log with the signature image; it is saved as a PDF (page.pdf) and screenshotted.
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { api, signIn, uniqueSuffix } from "./steps";

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "screenshots");

describe("print view (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("print", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("prints an approved record: fields, sub-form table, flow log with the signature; saves a PDF", async () => {
    const { page, shot } = session;
    await signIn(page);
    const suffix = uniqueSuffix();
    const { user: me } = await api<{ user: { id: string } }>(page, "GET", "/api/me");
    const app = await api<{ id: string }>(page, "POST", "/api/apps", { name: `采购 ${suffix}` });
    const definition: FormDefinition = {
      key: `purchase_${suffix}`,
      name: { "zh-CN": "采购申请", en: "Purchase request" },
      fields: [
        { id: "no", type: "serial", label: "申请编号", pattern: [{ text: "PO-" }, { counter: 4 }] },
        { id: "title", type: "text", label: "事由", required: true, width: "1/2" },
        { id: "amount", type: "number", label: "金额", width: "1/2" },
        {
          id: "items",
          type: "subform",
          label: "采购明细",
          fields: [
            { id: "product", type: "text", label: "物品" },
            { id: "qty", type: "number", label: "数量" },
          ],
        },
      ],
      flow: {
        nodes: [
          { id: "start", type: "start" },
          { id: "manager", type: "approval", name: "经理审批", assignees: [{ user: me.id }], mode: "any" },
          { id: "end", type: "end" },
        ],
        edges: [
          { id: "e1", source: "start", target: "manager" },
          { id: "e2", source: "manager", target: "end" },
        ],
      },
    } as FormDefinition;
    const form = await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, definition);
    await api(page, "POST", `/api/forms/${form.id}/publish`);
    const record = await api<{ id: string }>(page, "POST", `/api/forms/${form.id}/records`, {
      data: {
        title: "办公用品",
        amount: 360,
        items: [
          { product: "钢笔", qty: 12 },
          { product: "笔记本", qty: 20 },
        ],
      },
    });
    // A handwritten signature: a stroke drawn on a canvas, uploaded as the approver's PNG.
    const signatureId = await page.evaluate(async () => {
      const canvas = document.createElement("canvas");
      canvas.width = 240;
      canvas.height = 80;
      const ctx = canvas.getContext("2d")!;
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.moveTo(10, 60);
      ctx.bezierCurveTo(60, 0, 120, 80, 230, 20);
      ctx.stroke();
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
      const body = new FormData();
      body.append("file", blob, "signature.png");
      const response = await fetch("/api/files", {
        method: "POST",
        headers: { "X-Requested-With": "formwork" },
        body,
      });
      if (!response.ok) throw new Error(`upload: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    });
    const inbox = await api<{ items: { taskId: string; recordId: string }[] }>(
      page,
      "GET",
      "/api/tasks?limit=200",
    );
    const task = inbox.items.find((i) => i.recordId === record.id);
    expect(task).toBeTruthy();
    await api(page, "POST", `/api/tasks/${task!.taskId}/actions`, {
      action: "approve",
      comment: "同意采购，尽快下单",
      signature: { fileId: signatureId },
    });

    // The record drawer offers 打印 and links to the print view.
    await page.goto(`/apps/${app.id}/forms/${form.id}/data?record=${record.id}`);
    const printButton = page.getByTestId("record-print");
    await printButton.waitFor();
    await shot("drawer");
    const href = await printButton.getAttribute("href");
    expect(href).toBe(`/apps/${app.id}/forms/${form.id}/records/${record.id}/print`);

    await page.goto(href!);
    await page.getByTestId("print-sheet").waitFor();
    await page.getByTestId("print-log-row").first().waitFor();
    expect(await page.getByTestId("print-title").textContent()).toBe("采购申请");
    expect(await page.getByTestId("print-serial").textContent()).toMatch(/^PO-\d{4}$/);
    expect(await page.getByTestId("print-status").textContent()).toBe("已通过");
    const fields = page.getByTestId("print-fields");
    expect(await fields.locator("#field-title").inputValue()).toBe("办公用品");
    const sheetText = await page.getByTestId("print-sheet").textContent();
    expect(sheetText).toContain("采购明细");
    // The sub-form is a table: a column per sub-form field, a numbered row per entry.
    const items = page.getByTestId("print-subform-items");
    expect(await items.locator("th").allTextContents()).toEqual(["#", "物品", "数量"]);
    expect(await items.getByTestId("print-subform-row").first().locator("td").allTextContents()).toEqual([
      "1",
      "钢笔",
      "12",
    ]);
    expect(await items.getByTestId("print-subform-row").count()).toBe(2);
    const approval = page.getByTestId("print-log-row").filter({ hasText: "同意采购，尽快下单" });
    expect(await approval.textContent()).toContain("经理审批");
    const signature = approval.locator("img");
    await signature.waitFor();
    expect(await signature.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
      true,
    );
    // No app chrome on the sheet; the print button is there and hidden on paper.
    expect(await page.getByTestId("user-menu").count()).toBe(0);
    await page.getByTestId("print-button").waitFor();
    await shot("sheet");

    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("print-toolbar").isVisible()).toBe(false);
    await shot("print-media");
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(10_000);
    await writeFile(join(ARTIFACTS, "print-record.pdf"), pdf);
  });
});
