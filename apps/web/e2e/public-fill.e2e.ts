// Public fill links end to end: an admin makes links through the API; an anonymous browser (its own
// profile, never signed in) opens /f/<token>, fills and submits; a wrong, used-up or disabled token
// shows the same not-found page; a password link asks for its password and says when it is wrong.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, PHONE, type Session } from "./browser";
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
