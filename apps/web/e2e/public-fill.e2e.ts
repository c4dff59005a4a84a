// Public fill links end to end: an admin makes links through the API; an anonymous browser (its own
// profile, never signed in) opens /f/<token>, fills and submits; a wrong, used-up or disabled token
// shows the same not-found page; a password link asks for its password and says when it is wrong.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, PHONE, type Session } from "./browser";
import { publishOrders } from "./data-steps";
import { api, signIn, uniqueSuffix } from "./steps";

interface Link {
  id: string;
  token: string;
}

describe("public fill links (anonymous, phone)", () => {
  let admin: Session;
  let visitor: Session;
  beforeAll(async () => {
    admin = await openBrowser("public-fill-admin", PHONE, { mobile: true });
    visitor = await openBrowser("public-fill", PHONE, { mobile: true });
  });
  afterAll(async () => {
    await admin?.close();
    await visitor?.close();
  });

  it("an anonymous visitor fills and submits; bad, used-up and disabled links all show not-found", async () => {
    await signIn(admin.page);
    const { formId } = await publishOrders(admin.page, `公开 ${uniqueSuffix()}`, 1);
    const link = await api<Link>(admin.page, "POST", `/api/forms/${formId}/public-links`, {
      kind: "fill",
      name: "客户自助",
      maxSubmissions: 1,
      displayFields: ["customer", "amount"],
    });

    const { page, shot } = visitor;
    await page.goto(`/f/${link.token}`);
    await page.getByTestId("public-fill-page").waitFor();
    // Only the link's fields are on the public form.
    expect(await page.locator("#field-status").count()).toBe(0);
    await page.locator("#field-customer").fill("匿名客户");
    await page.locator("#field-amount").fill("42");
    await shot("filled");
    await page.getByRole("button", { name: /提\s*交/ }).click();
    await page.getByTestId("public-done").waitFor();
    await shot("submitted");

    const stored = await api<{ records: { data: Record<string, unknown> }[] }>(
      admin.page,
      "GET",
      `/api/forms/${formId}/records`,
    );
    expect(stored.records.map((r) => r.data.customer)).toContain("匿名客户");
    expect(stored.records.find((r) => r.data.customer === "匿名客户")?.data.amount).toBe(42);

    // The cap was 1: the same link is now used up, and looks exactly like a token that never existed.
    await page.goto(`/f/${link.token}`);
    await page.getByTestId("public-unavailable").waitFor();
    const usedUp = await page.getByTestId("public-unavailable").textContent();
    await page.goto("/f/not-a-real-token-0123456789");
    await page.getByTestId("public-unavailable").waitFor();
    expect(await page.getByTestId("public-unavailable").textContent()).toBe(usedUp);
    await shot("not-found");

    const open = await api<Link>(admin.page, "POST", `/api/forms/${formId}/public-links`, {
      kind: "fill",
      displayFields: ["customer"],
    });
    await api(admin.page, "POST", `/api/public-links/${open.id}/disable`);
    await page.goto(`/f/${open.token}`);
    await page.getByTestId("public-unavailable").waitFor();
    await api(admin.page, "POST", `/api/public-links/${open.id}/enable`);
    await page.goto(`/f/${open.token}`);
    await page.getByTestId("public-fill-page").waitFor();
  });

  it("a password link asks for the password, says when it is wrong, and submits with it", async () => {
    const { formId } = await publishOrders(admin.page, `密码 ${uniqueSuffix()}`, 1);
    const link = await api<Link>(admin.page, "POST", `/api/forms/${formId}/public-links`, {
      kind: "fill",
      password: "s3cret-pass",
      displayFields: ["customer"],
    });
    const { page, shot } = visitor;
    await page.goto(`/f/${link.token}`);
    const password = page.getByTestId("public-password");
    await password.locator("input").fill("wrong-pass");
    await password.getByRole("button", { name: /打\s*开/ }).click();
    await page.getByTestId("public-password-wrong").waitFor();
    await shot("wrong-password");
    await password.locator("input").fill("s3cret-pass");
    await password.getByRole("button", { name: /打\s*开/ }).click();
    await page.getByTestId("public-fill-page").waitFor();
    await page.locator("#field-customer").fill("带密码的客户");
    await page.getByRole("button", { name: /提\s*交/ }).click();
    await page.getByTestId("public-done").waitFor();
    const stored = await api<{ records: { data: Record<string, unknown> }[] }>(
      admin.page,
      "GET",
      `/api/forms/${formId}/records`,
    );
    expect(stored.records.map((r) => r.data.customer)).toContain("带密码的客户");
  });
});

describe("share settings (admin, desktop)", () => {
  let admin: Session;
  let visitor: Session;
  beforeAll(async () => {
    admin = await openBrowser("share-admin", DESKTOP);
    visitor = await openBrowser("share-visitor", PHONE, { mobile: true });
  });
  afterAll(async () => {
    await admin?.close();
    await visitor?.close();
  });

  it("creates a fill link with a cap, hands out its address, turns it off; creates a query link", async () => {
    const { page, shot } = admin;
    await signIn(page);
    const { appId, formId } = await publishOrders(page, `分享 ${uniqueSuffix()}`, 1);
    await page.goto(`/apps/${appId}/forms/${formId}/data`);
    await page.getByTestId("form-tab-share").click();
    await page.getByTestId("share-page").waitFor();
    await page.getByText("还没有公开链接").waitFor();

    await page.getByTestId("share-new-fill").click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("#share-link_name").fill("展会登记");
    await dialog.locator("#share-link_maxSubmissions").fill("5");
    await dialog.getByRole("button", { name: /创\s*建/ }).click();
    const address = (await dialog.getByTestId("share-address").locator("code").textContent()) ?? "";
    expect(address).toMatch(/\/f\/[^/]+$/);
    await shot("fill-link-created");
    await dialog.getByRole("button", { name: /完\s*成/ }).click();
    const row = page.locator(".ant-table-row", { hasText: "展会登记" });
    await row.getByText("0 / 5").waitFor();

    await visitor.page.goto(new URL(address).pathname);
    await visitor.page.getByTestId("public-fill-page").waitFor();
    await visitor.page.locator("#field-customer").fill("展会客户");
    await visitor.page.getByRole("button", { name: /提\s*交/ }).click();
    await visitor.page.getByTestId("public-done").waitFor();
    await page.reload();
    await page.locator(".ant-table-row", { hasText: "展会登记" }).getByText("1 / 5").waitFor();

    await page.locator(".ant-table-row", { hasText: "展会登记" }).getByTestId("share-toggle").click();
    await expect
      .poll(
        async () =>
          (await api<{ links: { disabled: boolean }[] }>(page, "GET", `/api/forms/${formId}/public-links`))
            .links[0]?.disabled,
      )
      .toBe(true);
    await visitor.page.goto(new URL(address).pathname);
    await visitor.page.getByTestId("public-unavailable").waitFor();

    await page.getByTestId("share-new-query").click();
    await dialog.locator("#share-link_name").fill("订单查询");
    await dialog.getByRole("button", { name: /创\s*建/ }).click();
    // Condition fields are required.
    await dialog.getByText("请至少选择一个字段").first().waitFor();
    await dialog.locator("#share-link_queryFields").click();
    await page.keyboard.type("客户");
    await page.keyboard.press("Enter");
    await dialog.locator(".ant-modal-title").click();
    await dialog.locator("#share-link_displayFields").click();
    await page.keyboard.type("金额");
    await page.keyboard.press("Enter");
    await dialog.locator(".ant-modal-title").click();
    await dialog.getByRole("button", { name: /创\s*建/ }).click();
    const queryAddress = (await dialog.getByTestId("share-address").locator("code").textContent()) ?? "";
    const found = await visitor.page.evaluate(async (url) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Requested-With": "formwork" },
        body: JSON.stringify({ conditions: { customer: "展会客户" } }),
      });
      return response.json();
    }, queryAddress);
    // One match, showing only the chosen display field (the visitor left the amount empty).
    expect(found.records).toHaveLength(1);
    expect(Object.keys(found.records[0].data).filter((id) => id !== "amount")).toEqual([]);
    await dialog.getByRole("button", { name: /完\s*成/ }).click();
    await page.locator(".ant-table-row", { hasText: "订单查询" }).getByText("客户 → 金额").waitFor();
    await shot("links");
  });
});
