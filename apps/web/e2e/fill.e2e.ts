import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, PHONE, type Session } from "./browser";
import { cell, messageUnder, publishQuoteForm } from "./fill-steps";
import { signIn, uniqueSuffix } from "./steps";

for (const [name, viewport, mobile] of [
  ["fill-desktop", DESKTOP, false],
  ["fill-phone", PHONE, true],
] as const) {
  describe(`filling a published form (${name})`, () => {
    let session: Session;
    beforeAll(async () => {
      session = await openBrowser(name, viewport, { mobile });
    });
    afterAll(async () => {
      await session?.close();
    });

    it("computes the total live, shows the rule-driven field, rejects bad values inline and submits", async () => {
      const { page, shot } = session;
      await signIn(page);
      const { appId, formId } = await publishQuoteForm(page, `报价 ${uniqueSuffix()}`);
      await page.goto(
        `/apps/${appId}/forms/${formId}/fill?customer=${encodeURIComponent("华东贸易")}&discount=0.1`,
      );
      await page.getByTestId("fill-page").waitFor();

      // Prefilled from the address bar; the rule-driven reason is hidden at a 10 % discount.
      await expect.poll(() => page.locator("#field-customer").inputValue()).toBe("华东贸易");
      await expect.poll(() => page.locator("#field-discount").inputValue()).toBe("0.1");
      await expect.poll(() => page.locator("#field-reason").count()).toBe(0);

      await page.getByRole("button", { name: /添加一行/ }).click();
      await cell(page, 0, "price").fill("100");
      await cell(page, 0, "qty").fill("3");
      await page.getByRole("button", { name: /添加一行/ }).click();
      await cell(page, 1, "price").fill("50");
      await cell(page, 1, "qty").fill("2");
      await expect.poll(() => cell(page, 0, "subtotal").inputValue()).toBe("300");
      // (300 + 100) × 0.9
      await expect.poll(() => page.locator("#field-total").inputValue()).toBe("360.00");
      await shot("computed-total");

      // Over 20 %: the reason appears (and is required); the total follows.
      await page.locator("#field-discount").fill("0.25");
      await page.locator("#field-reason").waitFor();
      await expect.poll(() => page.locator("#field-total").inputValue()).toBe("300.00");

      // Bad values: a zero quantity in a row and a discount over 1, each under its own input.
      await cell(page, 1, "qty").fill("0");
      await page.locator("#field-discount").fill("1.5");
      await messageUnder(page, "items").first().waitFor();
      expect(await page.locator(`[data-field="items"] [role="alert"]`).first().innerText()).toMatch(/1/);
      await messageUnder(page, "discount").waitFor();
      await page.getByRole("button", { name: /提\s*交/ }).click();
      await messageUnder(page, "reason").waitFor();
      await shot("inline-errors");
      if (mobile) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }

      await cell(page, 1, "qty").fill("2");
      await page.locator("#field-discount").fill("0.25");
      await page.locator("#field-reason").fill("老客户批量采购");
      await expect.poll(() => page.locator('[data-field] [role="alert"]').count()).toBe(0);
      await page.getByRole("button", { name: /提\s*交/ }).click();

      await page.getByText("报价单已提交").waitFor();
      expect(await page.getByTestId("serial-numbers").innerText()).toMatch(/QT-\d{4}/);
      await shot("submitted");

      // The record the server stored has the server's own computed total.
      const stored = await page.evaluate(async (id) => {
        const response = await fetch(`/api/forms/${id}/records?limit=1`);
        return (await response.json()) as { records: { data: Record<string, unknown> }[] };
      }, formId);
      expect(stored.records[0]?.data.total).toBe(300);

      await page.getByRole("button", { name: /再填一份/ }).click();
      await expect.poll(() => page.locator("#field-customer").inputValue()).toBe("");
    });
  });
}
