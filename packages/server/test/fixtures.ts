import type { FormDefinition } from "@formwork/schema";
import type { TestApp } from "./harness";

export const QUOTES: FormDefinition = {
  key: "quotes",
  name: { "zh-CN": "报价单", en: "Quotes" },
  fields: [
    { id: "no", type: "serial", label: "No", pattern: [{ text: "QT-" }, { counter: 4 }] },
    { id: "title", type: "text", label: "Title", required: true },
    { id: "code", type: "text", label: "Code", unique: true },
    { id: "price", type: "number", label: "Price", indexed: true },
    { id: "qty", type: "number", label: "Qty" },
    { id: "total", type: "number", label: "Total", formula: "price * qty" },
    { id: "discount", type: "number", label: "Discount", min: 0, max: 1 },
    { id: "reason", type: "textarea", label: "Reason", visibleWhen: { ">": [{ var: "discount" }, 0.2] } },
    { id: "owner", type: "member", label: "Owner" },
    {
      id: "tags",
      type: "multiselect",
      label: "Tags",
      options: [{ value: "a" }, { value: "b" }],
    },
  ],
  validations: [{ rule: { "<=": [{ var: "discount" }, 0.5] }, message: "折扣不能超过50%" }],
};

/** An app with the form created and published; returns the form's id. */
export async function publishedForm(t: TestApp, definition: FormDefinition = QUOTES): Promise<string> {
  const app = await t.admin.request("POST", "/api/apps", { name: `App for ${definition.key}` });
  const form = await t.admin.request("POST", `/api/apps/${app.json().id}/forms`, definition);
  if (form.statusCode !== 201) throw new Error(`form: ${form.body}`);
  const published = await t.admin.request("POST", `/api/forms/${form.json().id}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish: ${published.body}`);
  return form.json().id;
}

/**
 * Opens a form to every member with one permission set of `kind` for all members (全部成员). A form
 * without a set is closed to members (issue 6): tests that act as a member on a form for another
 * purpose grant this explicitly.
 */
export async function grantEveryone(t: TestApp, formId: string, kind = "manage_all"): Promise<string> {
  const response = await t.admin.request("POST", `/api/forms/${formId}/permission-sets`, {
    name: `everyone ${kind}`,
    kind,
    members: [{ type: "all" }],
  });
  if (response.statusCode !== 201) throw new Error(`set: ${response.body}`);
  return response.json().id;
}

/** A published form (`publishedForm`) every member may manage. */
export async function openForm(t: TestApp, definition: FormDefinition = QUOTES): Promise<string> {
  const formId = await publishedForm(t, definition);
  await grantEveryone(t, formId);
  return formId;
}
