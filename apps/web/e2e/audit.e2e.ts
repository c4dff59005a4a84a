// The audit page: a system admin opens it from the user menu, filters by action prefix (the server
// filters), and pages with the keyset cursor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { publishOrders } from "./data-steps";
import { api, signIn, uniqueSuffix } from "./steps";

describe("audit log (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("audit-desktop", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("lists audited changes, filters by action prefix and pages", async () => {
    const { page, shot } = session;
    await signIn(page);
    const { formId } = await publishOrders(page, `审计 ${uniqueSuffix()}`, 1);
    const created: { id: string }[] = [];
    for (let i = 0; i < 3; i++)
      created.push(
        await api<{ id: string }>(page, "POST", `/api/forms/${formId}/public-links`, {
          kind: "fill",
          displayFields: ["customer"],
        }),
      );
    await api(page, "POST", `/api/public-links/${created[0]!.id}/disable`);

    await page.getByTestId("user-menu").click();
    await page.getByTestId("nav-audit").click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByTestId("audit-table").locator(".ant-table-row").first().waitFor();

    await page.getByTestId("audit-action").locator("input").fill("publicLink.");
    await page.getByTestId("audit-action").locator("input").press("Enter");
    const actions = () =>
      page.getByTestId("audit-table").locator(".ant-table-row td:nth-child(3)").allTextContents();
    // Other browser tests share this server and create links too: every row is a publicLink action,
    // and this test's own three creations and one disable are among them.
    await expect
      .poll(async () => {
        const shown = await actions();
        return (
          shown.every((a) => a.startsWith("publicLink.")) &&
          shown.filter((a) => a === "publicLink.create").length >= 3 &&
          shown.includes("publicLink.disable")
        );
      })
      .toBe(true);
    await shot("filtered");

    await page.getByTestId("audit-action").locator("input").fill("publicLink.disable");
    await page.getByTestId("audit-action").locator("input").press("Enter");
    await expect
      .poll(async () => {
        const shown = await actions();
        return shown.length > 0 && shown.every((a) => a === "publicLink.disable");
      })
      .toBe(true);
    expect(await page.getByTestId("audit-next").isDisabled()).toBe(true);
  });
});
