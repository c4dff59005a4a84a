// The fill page's browser steps: a quote form published through the API, then filled like a person does.
import type { FormDefinition } from "@formwork/schema";
import type { Page } from "playwright-core";

export const QUOTE_FORM: FormDefinition = {
  key: "quotes",
  name: { "zh-CN": "报价单", en: "Quotes" },
  settings: { successMessage: { "zh-CN": "报价单已提交", en: "Quote submitted" } },
  fields: [
    { id: "no", type: "serial", label: "报价编号", width: "1/2", pattern: [{ text: "QT-" }, { counter: 4 }] },
    { id: "customer", type: "text", label: "客户", width: "1/2", required: true },
    {
      id: "items",
      type: "subform",
      label: "产品明细",
      fields: [
        { id: "price", type: "number", label: "单价", width: "1/3", min: 0 },
        { id: "qty", type: "number", label: "数量", width: "1/3", min: 1 },
        { id: "subtotal", type: "number", label: "小计", width: "1/3", formula: "price * qty" },
      ],
    },
    { id: "discount", type: "number", label: "折扣", width: "1/2", min: 0, max: 1 },
    {
      id: "total",
      type: "money",
      label: "总金额",
      width: "1/2",
      formula: "ROUND(SUM(items.subtotal) * (1 - discount), 2)",
    },
    {
      id: "reason",
      type: "textarea",
      label: "折扣原因",
      required: true,
      visibleWhen: { ">": [{ var: "discount" }, 0.2] },
    },
  ],
};

/** Creates an app with the quote form and publishes it, through the API with the page's session. */
export async function publishQuoteForm(
  page: Page,
  appName: string,
): Promise<{ appId: string; formId: string }> {
  return page.evaluate(
    async ({ name, form }) => {
      const call = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(path, {
          method,
          headers: { "Content-Type": "application/json", "X-Requested-With": "formwork" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      const app = await call("POST", "/api/apps", { name });
      const created = await call("POST", `/api/apps/${app.id}/forms`, form);
      await call("POST", `/api/forms/${created.id}/publish`);
      return { appId: app.id as string, formId: created.id as string };
    },
    { name: appName, form: QUOTE_FORM as unknown },
  );
}

export function cell(page: Page, row: number, column: string) {
  return page.locator(`#field-items-${row}-${column}`);
}

/** The inline message under a field (or a sub-form cell), found from its input's id. */
export function messageUnder(page: Page, fieldId: string) {
  return page.locator(`[data-field="${fieldId}"] [role="alert"]`);
}
