// A CRM customer's drawer: its related query (关联查询) lists that customer's contacts and no one else's,
// and its aggregation fields (合同总额) show the total of its contracts, computed on the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { api, signIn } from "./steps";

interface Page<T> {
  records: T[];
}
type Row = { id: string; data: Record<string, unknown> };

describe("related records in the record drawer (desktop)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("related", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("shows a CRM customer's own contacts and its contract total", async () => {
    const { page, shot } = session;
    await signIn(page);
    const installed = await api<{ app: { id: string }; forms: { key: string; id: string }[] }>(
      page,
      "POST",
      "/api/templates/crm/install",
      {},
    );
    const formId = (key: string) => installed.forms.find((f) => f.key === key)!.id;
    const q = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));
    // The customer with the largest contract total, and its contacts.
    const top = await api<Page<Row>>(
      page,
      "GET",
      `/api/forms/${formId("customers")}/records?filter=${q({ ">": [{ var: "contract_total" }, 0] })}&sort=-contract_total&limit=1`,
    );
    const customer = top.records[0]!;
    const contacts = await api<Page<Row>>(
      page,
      "GET",
      `/api/forms/${formId("contacts")}/records?filter=${q({ "==": [{ var: "customer" }, customer.id] })}&limit=50`,
    );
    expect(contacts.records.length, "the sample customer has contacts").toBeGreaterThan(0);
    const others = await api<Page<Row>>(
      page,
      "GET",
      `/api/forms/${formId("contacts")}/records?filter=${q({ "!=": [{ var: "customer" }, customer.id] })}&limit=5`,
    );

    await page.goto(`/apps/${installed.app.id}/forms/${formId("customers")}/data?record=${customer.id}`);
    const related = page.getByTestId("record-related").locator('[data-related="contacts"]');
    await related.locator(".ant-list-item").first().waitFor({ timeout: 60_000 });
    await expect
      .poll(() => related.locator(".ant-list-item").count())
      .toBe(Math.min(contacts.records.length, 20));
    const listed = await related.locator(".ant-list-item").allTextContents();
    for (const contact of contacts.records)
      expect(listed.some((text) => text.includes(String(contact.data.name)))).toBe(true);
    for (const other of others.records)
      expect(listed.some((text) => text.includes(String(other.data.name)))).toBe(false);

    // 合同总额 in the details, formatted like the grid (thousands separators, two decimals).
    const total = Number(customer.data.contract_total);
    const details = await page.getByTestId("record-details").textContent();
    expect(details).toContain(
      total.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
    await page.getByTestId("record-related").scrollIntoViewIfNeeded();
    await shot("customer-related");
  });
});
