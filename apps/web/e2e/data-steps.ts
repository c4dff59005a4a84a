// The data tab's browser steps: an orders form and its records created through the API.
import type { FormDefinition } from "@formwork/schema";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const ORDERS_FORM: FormDefinition = {
  key: "orders",
  name: { "zh-CN": "订单", en: "Orders" },
  fields: [
    { id: "customer", type: "text", label: "客户", width: "1/2" },
    { id: "amount", type: "number", label: "金额", width: "1/2" },
    {
      id: "status",
      type: "select",
      label: "状态",
      width: "1/2",
      options: [
        { value: "open", label: "进行中" },
        { value: "done", label: "已完成" },
      ],
    },
  ],
};

/** Publishes the orders form in a new app and adds `count` records with amounts 1..count. */
export async function publishOrders(
  page: Page,
  appName: string,
  count: number,
): Promise<{ appId: string; formId: string }> {
  return page.evaluate(
    async ({ name, form, count }) => {
      const call = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
        const response = await fetch(path, {
          method,
          headers: { "Content-Type": "application/json", "X-Requested-With": "formwork", ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      const app = await call("POST", "/api/apps", { name });
      const created = await call("POST", `/api/apps/${app.id}/forms`, form);
      await call("POST", `/api/forms/${created.id}/publish`);
      const rows = Array.from({ length: count }, (_, i) => ({
        data: { customer: `客户${i + 1}`, amount: i + 1, status: i % 2 === 0 ? "open" : "done" },
      }));
      await call("POST", `/api/forms/${created.id}/records`, rows);
      return { appId: app.id as string, formId: created.id as string };
    },
    // Plain JSON crosses into the page; the definition's deep type would only slow the checker down.
    { name: appName, form: ORDERS_FORM as unknown, count },
  );
}

/** Changes a record behind the page's back (another user saving first). */
export async function changeBehindTheBack(page: Page, formId: string, customer: string): Promise<void> {
  await page.evaluate(
    async ({ formId, customer }) => {
      const list = await (
        await fetch(
          `/api/forms/${formId}/records?filter=${encodeURIComponent(
            JSON.stringify({ "==": [{ var: "customer" }, customer] }),
          )}`,
        )
      ).json();
      const record = list.records[0];
      const response = await fetch(`/api/forms/${formId}/records/${record.id}`, {
        method: "PATCH",
        headers: {
          "Content-Type": "application/json",
          "X-Requested-With": "formwork",
          "If-Match": `"${record.version}"`,
        },
        body: JSON.stringify({ data: { status: "done" } }),
      });
      if (!response.ok) throw new Error(`PATCH: ${response.status}`);
    },
    { formId, customer },
  );
}

/** Picks an option in the antd Select labelled `label`. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  // A dropdown closed a moment ago is still in its closing animation (not yet -hidden) and may list
  // the same option: wait until it is gone, then pick from the one this click opens.
  const open = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  await expect.poll(() => open.count(), { timeout: 10_000 }).toBe(0);
  await page.getByRole("combobox", { name: label }).last().click();
  await open.getByTitle(option, { exact: true }).first().click();
}

/** The saved views of a form as the API lists them for the signed-in user. */
export async function savedViews(
  page: Page,
  formId: string,
): Promise<{ name: string; shared: boolean; filter: unknown }[]> {
  return page.evaluate(async (id) => {
    const response = await fetch(`/api/forms/${id}/views`);
    if (!response.ok) throw new Error(`views: ${response.status}`);
    return (await response.json()).views;
  }, formId);
}
