import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { cell } from "./fill-steps";
import { signIn } from "./steps";

describe("template gallery", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("templates", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("installs the expense template from the gallery, opens it and files a claim", async () => {
    const { page, shot } = session;
    await signIn(page);
    await page.goto("/apps");
    await page.getByTestId("open-templates").click();
    await page.getByTestId("template-expense").waitFor();
    await page.getByTestId("template-crm").waitFor();
    await shot("gallery");

    await page.getByTestId("template-expense").getByTestId("template-install").click();
    await page.getByTestId("install-confirm").click();
    // The install answers with the new app, which opens.
    await page.waitForURL(/\/apps\/[0-9a-f-]{36}/, { timeout: 120_000 });
    const appId = /\/apps\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByText("报销单").first().waitFor();
    await shot("installed");

    const app = await page.evaluate(async (id) => (await fetch(`/api/apps/${id}`)).json(), appId);
    const formId = (app as { forms: { id: string; key: string }[] }).forms.find(
      (f) => f.key === "expense_claims",
    )!.id;
    await page.goto(`/apps/${appId}/forms/${formId}/fill`);
    await page.getByTestId("fill-page").waitFor();
    await page.locator("#field-title").fill("上海客户拜访");
    if ((await cell(page, 0, "amount").count()) === 0)
      await page.getByRole("button", { name: /添加一行/ }).click();
    // The date input is read-only (a phone keyboard never opens): pick today in its panel.
    await cell(page, 0, "spent_on").click();
    await shot("date-panel");
    await page.locator(".ant-picker-dropdown td.ant-picker-cell-today:visible").first().click();
    await cell(page, 0, "category").click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .getByTitle("差旅费", { exact: true })
      .click();
    await cell(page, 0, "amount").fill("6200");
    await expect.poll(() => page.locator("#field-total").inputValue()).toMatch(/^6,?200(\.00)?$/);
    await shot("filled");
    await page.getByRole("button", { name: /提\s*交/ }).click();
    await page.getByTestId("serial-numbers").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("serial-numbers").textContent()).toMatch(/BX-\d{8}-\d{4}/);
    await shot("submitted");

    // The server computed the total and started the flow (over 5,000: the director's branch).
    const stored = await page.evaluate(async (id) => {
      const response = await fetch(`/api/forms/${id}/records?limit=1`);
      return (await response.json()) as { records: { flowStatus: string; data: Record<string, unknown> }[] };
    }, formId);
    expect(stored.records[0]?.data.total).toBe(6200);
    expect(stored.records[0]?.flowStatus).toBe("running");
  }, 300_000);
});
