// The flow designer's field permissions for sub-form columns, as the handler meets them on the task page,
// and an app admin's controls on a record's flow: change the assignee, end the flow, reactivate it, each
// clicked through the record drawer and seen in the new assignee's inbox and the flow log; then the record
// deleted while in flow (its flow ends, the task leaves the inbox) and restored, its log saying why.
import type { FormDefinition } from "@formwork/schema";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, e2eSettings, openBrowser, type Session } from "./browser";
import { pickMember, signIn, uniqueSuffix } from "./steps";
import {
  call,
  createSalesOrg,
  grantEveryone,
  type Org,
  PASSWORD,
  publishFromDesigner,
  selectNode,
  signInAs,
} from "./workflow-steps";

// Answers arrive over a loaded machine's network stack: wait for them generously.
const POLL = { timeout: 30_000 };

const ORDERS: FormDefinition = {
  key: "purchase",
  name: { "zh-CN": "采购申请", en: "Purchase request" },
  fields: [
    { id: "title", type: "text", label: "事由", required: true },
    {
      id: "items",
      type: "subform",
      label: "明细",
      fields: [
        { id: "product", type: "text", label: "品名" },
        { id: "price", type: "number", label: "单价" },
        { id: "cost", type: "number", label: "成本价" },
      ],
    },
  ],
  settings: { titleField: "title" },
};

interface StoredRecord {
  id: string;
  data: { items?: Record<string, unknown>[] };
}

/** The manager's inbox, waited for until it lists `title`. */
async function openInboxRow(page: Page, title: string) {
  await page.goto("/tasks");
  const row = page.getByTestId("inbox-row").filter({ hasText: title });
  await row.waitFor(POLL);
  return row;
}

/** The record's drawer in the data view, on its 流程 tab. */
async function openRecordFlow(page: Page, path: string, recordId: string) {
  await page.goto(`${path}/data?record=${recordId}`);
  const drawer = page.getByTestId("record-drawer");
  await drawer.getByRole("tab", { name: "流程" }).click();
  await drawer.getByTestId("record-flow").waitFor(POLL);
  return drawer;
}

describe("workflow: sub-form column permissions and the admin's controls", () => {
  let session: Session;
  let org: Org;
  let deputy: { id: string; email: string; name: string };
  let formPath = "";
  let formId = "";
  const records: Record<"edited" | "administered", { id: string; title: string }> = {
    edited: { id: "", title: "" },
    administered: { id: "", title: "" },
  };
  beforeAll(async () => {
    session = await openBrowser("workflow-admin", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("sets hidden / view / edit per sub-form column; the handler sees no hidden column, cannot change a view one, edits the rest", async () => {
    const { page, shot } = session;
    const suffix = uniqueSuffix();
    await signIn(page);
    org = await createSalesOrg(page, suffix);
    const email = `deputy-${suffix}@e2e.formwork.test`;
    const created = await call<{ id?: string; member?: { id: string } }>(page, "POST", "/api/org/members", {
      email,
      name: `副经理 ${suffix}`,
      password: PASSWORD,
    });
    deputy = { id: created.member?.id ?? (created.id as string), email, name: `副经理 ${suffix}` };
    const app = await call<{ id: string }>(page, "POST", "/api/apps", { name: `采购 ${suffix}` });
    formId = (await call<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, ORDERS)).id;
    formPath = `/apps/${app.id}/forms/${formId}`;

    // The designer: start → approval (the rep's department head) → end; on the approval the sub-form is
    // editable, its price column view-only and its cost column hidden.
    await page.goto(`${formPath}/design`);
    await page.getByTestId("designer-view-flow").click();
    await page.getByTestId("flow-enable").click();
    await page.getByTestId("flow-node-approval_1").waitFor();
    await selectNode(page, "approval_1");
    const panel = page.getByTestId("node-panel");
    // A task node shows everything read-only until told otherwise: the columns follow their sub-form.
    await panel.getByTestId("permission-items").getByText("编辑").click();
    const column = (id: string) => panel.getByTestId(`permission-items.${id}`);
    await expect
      .poll(() => column("price").locator(".ant-segmented-item-selected").textContent(), POLL)
      .toBe("编辑");
    await column("price").getByText("查看").click();
    await column("cost").getByText("隐藏").click();
    await expect
      .poll(() => column("cost").locator(".ant-segmented-item-selected").textContent(), POLL)
      .toBe("隐藏");
    expect(await column("product").locator(".ant-segmented-item-selected").textContent()).toBe("编辑");
    await shot("column-permissions");

    await publishFromDesigner(page);
    // What the designer saved is what the server froze (the node's permissions, column by column).
    const published = await call<{
      definition: { flow?: { nodes: { id: string; fieldPermissions?: object }[] } };
    }>(page, "GET", `/api/forms/${formId}`);
    const approval = published.definition.flow?.nodes.find((n) => n.id === "approval_1");
    expect(approval?.fieldPermissions).toMatchObject({
      items: "edit",
      "items.price": "view",
      "items.cost": "hidden",
    });
    await grantEveryone(page, formId);

    // The rep submits two requests (the API: the fill page is another test's subject).
    await signInAs(page, org.rep.email, PASSWORD);
    for (const key of ["edited", "administered"] as const) {
      const title = `${key === "edited" ? "办公用品" : "服务器"} ${suffix}`;
      const record = await call<{ id: string }>(page, "POST", `/api/forms/${formId}/records`, {
        data: { title, items: [{ product: "钢笔", price: 12, cost: 7 }] },
      });
      records[key] = { id: record.id, title };
    }

    // The manager opens the first from the inbox.
    await signInAs(page, org.manager.email, PASSWORD);
    const row = await openInboxRow(page, records.edited.title);
    await row.locator("a").first().click();
    await page.getByTestId("task-page").waitFor();
    const record = page.getByTestId("task-record");
    const product = record.locator("#field-items-0-product");
    await expect.poll(() => product.inputValue(), POLL).toBe("钢笔");
    // The hidden column is not there at all (the server never sent it), label included.
    expect(await record.locator("#field-items-0-cost").count()).toBe(0);
    expect(await record.getByText("成本价").count()).toBe(0);
    // The view column shows its value and cannot be changed; the product can.
    const price = record.locator("#field-items-0-price");
    expect(await price.inputValue()).toBe("12");
    expect(await price.isEditable()).toBe(false);
    expect(await product.isEditable()).toBe(true);
    await product.fill("钢笔（蓝）");
    await shot("task-columns");
    await page.getByTestId("action-approve").click();
    await page.getByTestId("tasks-page").waitFor(POLL);

    // Stored: the product changed, the price did not, and the hidden cost survived the handler's save.
    const { email: adminEmail, password } = e2eSettings();
    await signInAs(page, adminEmail, password);
    const stored = await call<StoredRecord>(page, "GET", `/api/forms/${formId}/records/${records.edited.id}`);
    expect(stored.data.items).toHaveLength(1);
    expect(stored.data.items?.[0]).toMatchObject({ product: "钢笔（蓝）", price: 12, cost: 7 });
  });

  it("changes the assignee, ends the flow and reactivates it from the record's flow tab", async () => {
    const { page, shot } = session;
    const { title, id } = records.administered;
    // Signed in as the system admin by the previous test.
    let drawer = await openRecordFlow(page, formPath, id);
    const current = drawer.getByTestId("flow-current");
    await expect.poll(() => current.textContent(), POLL).toContain(org.manager.name);

    // Change the assignee: the manager's task goes to the deputy.
    await drawer.getByTestId("flow-admin-changeAssignee").click();
    const dialog = page.getByRole("dialog").filter({ has: page.getByTestId("flow-admin-confirm") });
    await dialog.waitFor();
    await pickMember(page, dialog.locator("#flow-admin-user"), deputy.name, false);
    await dialog.getByTestId("flow-admin-comment").fill("经理出差，由副经理处理");
    await shot("change-assignee");
    await dialog.getByTestId("flow-admin-confirm").click();
    await dialog.waitFor({ state: "hidden", ...POLL });
    await expect.poll(() => current.textContent(), POLL).toContain(deputy.name);
    const log = drawer.getByTestId("flow-log");
    await expect.poll(() => log.textContent(), POLL).toContain("管理员更换处理人");
    expect(await log.textContent()).toContain("经理出差，由副经理处理");

    // The deputy has it in their inbox now, and can open it as their own task.
    await signInAs(page, deputy.email, PASSWORD);
    await page.goto("/apps");
    await expect.poll(() => page.getByTestId("nav-tasks-count").textContent(), POLL).toBe("1");
    const row = await openInboxRow(page, title);
    await row.locator("a").first().click();
    await page.getByTestId("action-approve").waitFor(POLL);
    await shot("deputy-task");
    // ... and the manager no longer does.
    await signInAs(page, org.manager.email, PASSWORD);
    await page.goto("/tasks");
    await page.getByTestId("tasks-page").waitFor();
    await expect.poll(() => page.getByTestId("inbox-row").filter({ hasText: title }).count(), POLL).toBe(0);

    // End it, with the reason the dialog insists on.
    const { email, password } = e2eSettings();
    await signInAs(page, email, password);
    drawer = await openRecordFlow(page, formPath, id);
    await drawer.getByTestId("flow-admin-end").click();
    await dialog.waitFor();
    expect(await dialog.getByTestId("flow-admin-confirm").isDisabled()).toBe(true);
    await dialog.getByTestId("flow-admin-comment").fill("预算冻结");
    await dialog.getByTestId("flow-admin-confirm").click();
    await dialog.waitFor({ state: "hidden", ...POLL });
    await drawer.getByTestId("record-flow").getByText("已终止").first().waitFor(POLL);
    await expect.poll(() => drawer.getByTestId("flow-log").textContent(), POLL).toContain("预算冻结");
    expect(await drawer.getByTestId("flow-log").textContent()).toContain("管理员终止");
    expect(await drawer.getByTestId("flow-current").count()).toBe(0);
    expect(await drawer.getByTestId("flow-admin-end").count()).toBe(0);
    await shot("ended");

    // Reactivate it at the approval: a new task for the node's rule (the manager) and a log line.
    await drawer.getByTestId("flow-admin-reactivate").click();
    await dialog.waitFor();
    // Where it stopped is chosen already.
    await expect.poll(() => dialog.getByTestId("flow-admin-confirm").isDisabled(), POLL).toBe(false);
    await dialog.getByTestId("flow-admin-confirm").click();
    await dialog.waitFor({ state: "hidden", ...POLL });
    await drawer.getByTestId("record-flow").getByText("进行中").first().waitFor(POLL);
    await expect.poll(() => drawer.getByTestId("flow-log").textContent(), POLL).toContain("管理员重新激活");
    await expect
      .poll(() => drawer.getByTestId("flow-current").textContent(), POLL)
      .toContain(org.manager.name);
    await shot("reactivated");

    // The manager has it back in the inbox.
    await signInAs(page, org.manager.email, PASSWORD);
    await openInboxRow(page, title);

    // The admin deletes the record while it is in flow: the flow ends with it and the manager's task goes.
    // Restored from the recycle bin, the record's log says why it ended.
    await signInAs(page, email, password);
    drawer = await openRecordFlow(page, formPath, id);
    await drawer.getByRole("button", { name: "删除" }).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /删\s*除/ })
      .click();
    await page.getByText("已移到回收站").first().waitFor(POLL);
    await page.locator(".ant-segmented").getByText("回收站", { exact: true }).click();
    const binned = page.locator(".ant-table-row", { hasText: title });
    await binned.waitFor(POLL);
    await binned.locator(".ant-checkbox-input").check();
    await page
      .getByTestId("bulk-actions")
      .getByRole("button", { name: /恢\s*复/ })
      .click();
    await page.getByText("1 条数据已恢复").waitFor(POLL);
    drawer = await openRecordFlow(page, formPath, id);
    await drawer.getByTestId("record-flow").getByText("已终止").first().waitFor(POLL);
    await expect
      .poll(() => drawer.getByTestId("flow-log").textContent(), POLL)
      .toContain("记录被删除，流程终止");
    await drawer.getByTestId("flow-log-entry").last().scrollIntoViewIfNeeded();
    await shot("ended-by-delete");
    await signInAs(page, org.manager.email, PASSWORD);
    await page.goto("/tasks");
    await page.getByTestId("tasks-page").waitFor();
    await expect.poll(() => page.getByTestId("inbox-row").filter({ hasText: title }).count(), POLL).toBe(0);
  });
});
