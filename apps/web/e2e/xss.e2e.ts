// Stored XSS: payloads saved through the API in every text-like place (field values, labels, option
// labels, the form's name and description, a comment) must show as text wherever the app renders them;
// none may run. A payload that runs sets window.__xss or opens a dialog. The CSV export must quote
// cells that a spreadsheet would read as a formula.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The server tests' reader: one RFC 4180 parser for every test that reads an export back.
import { parseCsv } from "../../../packages/server/test/csv-reader";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { api, signIn, uniqueSuffix } from "./steps";

const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=1</script>`,
  `javascript:window.__xss=1`,
  `"><svg onload="window.__xss=1">`,
];
const ALL = PAYLOADS.join(" ");
const TRIGGERS = ["=", "+", "-", "@"];

function xssForm(suffix: string) {
  const option = (value: string, i: number) => ({ value, label: PAYLOADS[i]! });
  return {
    key: `xss_${suffix}`,
    name: { "zh-CN": `XSS ${suffix} ${PAYLOADS[0]}`, en: `XSS ${suffix}` },
    description: { "zh-CN": ALL, en: ALL },
    fields: [
      { id: "title", type: "text", label: `标题 ${PAYLOADS[0]}`, description: PAYLOADS[3] },
      { id: "notes", type: "textarea", label: `备注 ${PAYLOADS[1]}` },
      { id: "mail", type: "email", label: `邮箱 ${PAYLOADS[3]}` },
      { id: "tel", type: "phone", label: `电话 ${PAYLOADS[2]}` },
      { id: "kind", type: "select", label: `类型 ${PAYLOADS[1]}`, options: ["a", "b", "c", "d"].map(option) },
      { id: "hint", type: "description", label: "说明", content: ALL },
    ],
  };
}

/** Fails the test if any payload ran so far on this page. */
async function expectNothingRan(page: Page, dialogs: string[], where: string): Promise<void> {
  // Give an onerror/onload a moment to fire after rendering.
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  expect(ran, `a payload ran in ${where}`).toBeUndefined();
  expect(dialogs, `a dialog opened in ${where}`).toEqual([]);
}

describe("stored XSS never runs (desktop)", () => {
  let session: Session;
  const dialogs: string[] = [];
  beforeAll(async () => {
    session = await openBrowser("xss-desktop", DESKTOP);
    session.page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it("renders payloads as text in the grid, drawer, comments and preview; the CSV quotes formulas", async () => {
    const { page, shot } = session;
    await signIn(page);
    const suffix = uniqueSuffix();
    const app = await api<{ id: string }>(page, "POST", "/api/apps", {
      name: `XSS ${suffix} ${PAYLOADS[3]}`,
      description: ALL,
    });
    const form = await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, xssForm(suffix));
    await api(page, "POST", `/api/forms/${form.id}/publish`);
    const values = {
      title: `=HYPERLINK("http://x") ${PAYLOADS[0]}`,
      notes: `@SUM(1) ${ALL}`,
      mail: "xss@example.com",
      tel: "+8613800138000",
      kind: "a",
    };
    const {
      records: [record],
    } = await api<{ records: { id: string }[] }>(page, "POST", `/api/forms/${form.id}/records`, [
      { data: values },
      { data: { ...values, title: `-1+1 ${PAYLOADS[2]}`, kind: "d" } },
    ]);
    // The email/phone checks refuse markup in the value itself, which is its own defence: it is shown
    // here only through the field labels, which carry payloads.
    for (const [field, bad] of [
      ["mail", `"><svg onload="window.__xss=1">@x.co`],
      ["tel", `<img src=x onerror="window.__xss=1">`],
    ] as const) {
      const status = await page.evaluate(
        async ({ path, body }) =>
          (
            await fetch(path, {
              method: "POST",
              headers: { "Content-Type": "application/json", "X-Requested-With": "formwork" },
              body: JSON.stringify(body),
            })
          ).status,
        { path: `/api/forms/${form.id}/records`, body: [{ data: { [field]: bad } }] },
      );
      expect([201, 422, 400]).toContain(status);
    }
    await api(page, "POST", `/api/forms/${form.id}/records/${record!.id}/comments`, {
      text: `评论 ${ALL}`,
    });

    await page.goto(`/apps/${app.id}`);
    await page.getByText(`XSS ${suffix}`).first().waitFor();
    await expectNothingRan(page, dialogs, "the app home");

    await page.goto(`/apps/${app.id}/forms/${form.id}/data`);
    await page.locator(".ant-table-row").first().waitFor();
    await page.getByText(PAYLOADS[0]!, { exact: false }).first().waitFor();
    await shot("grid");
    await expectNothingRan(page, dialogs, "the grid");

    await page.locator(".ant-table-row", { hasText: "HYPERLINK" }).click();
    const drawer = page.getByTestId("record-drawer");
    await drawer.getByText("HYPERLINK", { exact: false }).first().waitFor();
    await shot("drawer");
    await expectNothingRan(page, dialogs, "the record drawer");

    await drawer.getByRole("tab", { name: "评论" }).click();
    await drawer.getByTestId("comment").getByText("评论", { exact: false }).first().waitFor();
    expect(await drawer.getByTestId("comment").first().textContent()).toContain(PAYLOADS[1]);
    await shot("comment");
    await expectNothingRan(page, dialogs, "a comment");

    await page.goto(`/apps/${app.id}/forms/${form.id}/fill`);
    await page.getByText("标题", { exact: false }).first().waitFor();
    await shot("fill");
    await expectNothingRan(page, dialogs, "the fill page");

    await page.goto(`/apps/${app.id}/forms/${form.id}/design`);
    await page.getByTestId("preview").click();
    await page.getByText(PAYLOADS[1]!, { exact: false }).first().waitFor();
    await shot("preview");
    await expectNothingRan(page, dialogs, "the designer preview");

    const csv = await page.evaluate(async (id) => {
      const response = await fetch(`/api/forms/${id}/export?format=csv`);
      if (!response.ok) throw new Error(`export: ${response.status}`);
      return response.text();
    }, form.id);
    const cells = parseCsv(csv.replace(/^\uFEFF/, "")).flat();
    expect(cells.some((cell) => cell.includes("HYPERLINK"))).toBe(true);
    for (const cell of cells) expect(TRIGGERS, `unquoted formula cell ${cell}`).not.toContain(cell[0]);
    expect(cells).toContain(`'${values.title}`);
    expect(cells).toContain(`'${values.notes}`);
    // Opened back as a page, the export is inert text too.
    await page.setContent(`<pre id="csv"></pre>`);
    await page.evaluate((text) => {
      document.getElementById("csv")!.textContent = text;
    }, csv);
    await expectNothingRan(page, dialogs, "the opened export");
  });
});
