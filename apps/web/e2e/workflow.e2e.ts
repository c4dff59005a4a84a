// The workflow journey: an administrator draws a quote approval flow that branches on the discount,
// publishes it; a sales rep submits a quote; the rep's department head approves it from the inbox; the
// chart and the log show what happened. Then the same inbox and flow panel on a phone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, e2eSettings, openBrowser, PHONE, type Session } from "./browser";
import { signIn, uniqueSuffix } from "./steps";
import {
  createQuoteForm,
  createSalesOrg,
  grantEveryone,
  nameNode,
  type Org,
  PASSWORD,
  pickOption,
  publishFromDesigner,
  selectNode,
  signInAs,
} from "./workflow-steps";

// Answers arrive over a loaded machine's network stack: wait for them generously.
const POLL = { timeout: 20_000 };

describe("approval workflow", () => {
  let desktop: Session;
  let phone: Session;
  let org: Org;
  let quote = "";
  let designPath = "";
  beforeAll(async () => {
    desktop = await openBrowser("workflow-desktop", DESKTOP);
    phone = await openBrowser("workflow-phone", PHONE, { mobile: true });
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
  });

  it("draws a flow that branches on the discount, submits as a rep, approves as the manager from the inbox", async () => {
    const { page, shot } = desktop;
    const suffix = uniqueSuffix();
    await signIn(page);
    org = await createSalesOrg(page, suffix);
    const { appId, formId } = await createQuoteForm(page, `报价 ${suffix}`);
    designPath = `/apps/${appId}/forms/${formId}/design`;

    // The flow designer: start → approval → end to begin with.
    await page.goto(`/apps/${appId}/forms/${formId}/design`);
    await page.getByTestId("designer-view-flow").click();
    await page.getByTestId("flow-enable").click();
    await page.getByTestId("flow-node-approval_1").waitFor();

    // A condition on the first edge: two lanes, each with an approval, meeting at the old approval.
    await page.getByTestId("edge-insert-e_1").click();
    await page.getByRole("menuitem", { name: "条件分支" }).click();
    await page.getByTestId("flow-node-branch_1").waitFor();
    // Before a condition is set the lane is marked on the canvas and the panel says why.
    await expect.poll(() => page.locator('[data-testid^="flow-edge-"] [role="alert"]').count(), POLL).toBe(1);
    await page.getByTestId("node-panel").getByText("请设置这条分支的条件").waitFor();
    // Publishing is held back by it too; the issue leads back to the flow canvas.
    await page.getByTestId("publish").click();
    const issue = page.getByRole("dialog").getByRole("button", { name: /请设置这条分支的条件/ });
    await issue.waitFor();
    expect(await page.getByTestId("publish-confirm").isDisabled()).toBe(true);
    await issue.click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.getByTestId("flow-node-branch_1").waitFor();

    // The lanes go straight to the end: the approval they met at is deleted (its neighbours reconnect).
    await selectNode(page, "approval_1");
    await page.getByTestId("node-remove").click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /删\s*除/ })
      .click();
    await page.getByTestId("flow-node-approval_1").waitFor({ state: "detached" });

    // Condition 1: discount > 0.3 goes to the director (department head two levels up).
    await selectNode(page, "branch_1");
    const lane = page.locator('[data-testid^="lane-"]').first();
    await lane.getByRole("button", { name: /添加条件$/ }).click();
    const condition = lane.getByTestId("rule-condition");
    await pickOption(page, condition.locator(".ant-select").nth(0), "折扣");
    await pickOption(page, condition.locator(".ant-select").nth(1), "大于");
    await condition.locator("input.ant-input-number-input").fill("0.3");
    await expect.poll(() => page.locator('[data-testid^="flow-edge-"] [role="alert"]').count(), POLL).toBe(0);

    await selectNode(page, "approval_2");
    await nameNode(page, "总监审批");
    await page.getByTestId("assignees").locator("input.ant-input-number-input").fill("2");
    await page.getByTestId("permission-reason").getByText("编辑").click();

    // The default lane: the rep's department head, who sees the reason but cannot change the discount.
    await selectNode(page, "approval_3");
    await nameNode(page, "经理审批");
    await page.getByTestId("permission-discount").getByText("查看").click();
    await page.getByTestId("flow-tidy").click();
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.getByTestId("flow-overview").getByText("流程完整，可以发布。").waitFor();
    await expect
      .poll(() => page.getByTestId("flow-node-approval_3").textContent(), POLL)
      .toContain("经理审批");
    await shot("designer");

    // Publish (the autosave has the flow; publishing freezes its first version).
    await publishFromDesigner(page);
    await grantEveryone(page, formId);

    // The rep submits a quote with a 10 % discount: the default lane (the manager) gets it.
    quote = `华东贸易 ${suffix}`;
    await signInAs(page, org.rep.email, PASSWORD);
    await page.goto(`/apps/${appId}/forms/${formId}/fill`);
    await page.locator("#field-customer").fill(quote);
    await page.locator("#field-discount").fill("0.1");
    await page.getByRole("button", { name: /提\s*交/ }).click();
    await page
      .getByText(/提交成功|已提交/)
      .first()
      .waitFor();

    // The manager: the header's 待办 shows one; the inbox lists the quote.
    await signInAs(page, org.manager.email, PASSWORD);
    await page.goto("/apps");
    await expect.poll(() => page.getByTestId("nav-tasks-count").textContent(), POLL).toBe("1");
    await page.getByTestId("nav-tasks").click();
    const row = page.getByTestId("inbox-row").filter({ hasText: quote });
    await row.waitFor();
    expect(await row.textContent()).toContain("经理审批");
    await shot("inbox");

    // The task: the record as the node shows it, the chart with the current node, then approve.
    await row.locator("a").first().click();
    await page.getByTestId("task-page").waitFor();
    await page.getByTestId("flow-chart").waitFor();
    await expect
      .poll(() => page.getByTestId("flow-node-approval_3").getAttribute("data-status"))
      .toBe("current");
    // The manager's node shows the discount read-only (and the record's values as submitted).
    await expect.poll(() => page.locator("#field-customer").inputValue(), POLL).toBe(quote);
    expect(await page.locator("#field-discount:not([disabled]):not([readonly])").count()).toBe(0);
    await page.getByTestId("action-comment").fill("折扣合理，同意");
    await shot("task");
    await page.getByTestId("action-approve").click();
    await page.getByTestId("tasks-page").waitFor();

    // Done: it moved to 已办; its flow shows every node on the way done and the log with the comment.
    await page.getByTestId("box-done").click();
    const done = page.getByTestId("inbox-row").filter({ hasText: quote });
    await done.waitFor();
    await done.locator("a").first().click();
    await page.getByTestId("flow-log").waitFor();
    for (const id of ["start", "branch_1", "approval_3", "end"]) {
      await expect
        .poll(() => page.getByTestId(`flow-node-${id}`).getAttribute("data-status"), POLL)
        .toBe("done");
    }
    expect(await page.getByTestId(`flow-node-approval_2`).getAttribute("data-status")).toBe("pending");
    const log = (await page.getByTestId("flow-log").textContent()) ?? "";
    expect(log).toContain(org.rep.name);
    expect(log).toContain(org.manager.name);
    expect(log).toContain("折扣合理，同意");
    expect(log).toMatch(/同意/);
    await page.getByTestId("flow-log").scrollIntoViewIfNeeded();
    await shot("record-flow");
  });

  it("shows the rep's started flows and the record's flow on a phone", async () => {
    const { page, shot } = phone;
    await page.goto("/login");
    await signInAs(page, org.rep.email, PASSWORD);
    await page.goto("/tasks?box=initiated");
    const row = page.getByTestId("inbox-row").filter({ hasText: quote });
    await row.waitFor();
    await shot("inbox");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await row.locator("a").first().click();
    await page.getByTestId("record-flow").waitFor();
    await expect.poll(() => page.getByTestId("flow-node-end").getAttribute("data-status"), POLL).toBe("done");
    await shot("record-flow");
    await page.getByTestId("flow-log").scrollIntoViewIfNeeded();
    await shot("record-log");

    // The flow designer on a phone: the palette is a strip above the canvas, settings open from below.
    const { email, password } = e2eSettings();
    await signInAs(page, email, password);
    await page.goto(designPath);
    await page.getByTestId("designer-view-flow").click();
    await page.getByTestId("flow-node-approval_3").waitFor();
    await shot("designer");
    await page.getByTestId("flow-node-approval_3").locator("span").first().click();
    await page.getByTestId("node-panel").waitFor();
    // Let the bottom drawer finish sliding in.
    await page.waitForTimeout(600);
    await shot("designer-panel");
  });
});
