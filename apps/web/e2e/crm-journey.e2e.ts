// Issue 9's acceptance journey through the CRM as its people use it: the admin installs the CRM from
// the gallery and hands the demo accounts of a rep, their manager, the director, legal, finance and a
// rep of another department to people (a password each, enabled); the rep creates a customer (a
// duplicate name is refused), logs a follow-up with a next date, an opportunity, and two quotes with
// product lines — 25% off reaches the manager only, 35% the director too; the manager approves from
// the inbox; a contract goes through the manager and legal and finance countersigning in parallel; a
// payment is recorded (overpaying is refused); the dashboards show the deal to the rep, the manager and
// the director, each within their scope; the other department's rep never sees the customer; with the
// server's clock moved forward (its test seam), an idle customer is warned about, then back in the pool.
import { copyFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, e2eSettings, openBrowser, type Session } from "./browser";
import {
  approveFromInbox,
  fillAnother,
  giveLogin,
  inboxRow,
  openForm,
  type Person,
  POLL,
  pickDay,
  pickRecord,
  SLOW,
  selectOption,
  signInPerson,
  submitFill,
} from "./crm-steps";
import { cell, messageUnder } from "./fill-steps";
import { api, signIn, uniqueSuffix } from "./steps";
import { signInAs } from "./workflow-steps";

const HERE = dirname(fileURLToPath(import.meta.url));
const DOCS = join(HERE, "..", "..", "..", "docs", "screenshots");

describe("the CRM journey", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("crm", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
  });

  /** A screenshot kept with the run's, and copied into docs/screenshots for docs/crm.md. */
  const docShot = async (step: string, file: string) => {
    await session.shot(step);
    await session.page.screenshot({ path: join(HERE, "screenshots", `${file}.png`) });
    await copyFile(join(HERE, "screenshots", `${file}.png`), join(DOCS, `${file}.png`)).catch(
      () => undefined,
    );
  };

  it("installs the CRM and sells through it, from a new customer to a recorded payment and the dashboards", async () => {
    try {
      await journey();
    } catch (error) {
      await session.shot("failure").catch(() => undefined);
      throw error;
    }
  }, 1_800_000);

  async function journey(): Promise<void> {
    const { page, shot } = session;
    const suffix = uniqueSuffix();
    const customer = `星河智造${suffix}`;
    const opportunity = `星河智造 产线升级 ${suffix}`;
    const contract = `星河智造 年度合同 ${suffix}`;
    const idle = `久未联系商贸${suffix}`;

    // ── The admin: install from the gallery, with its sample data and demo members.
    await signIn(page);
    await page.getByTestId("open-templates").click();
    const card = page.getByTestId("template-crm");
    await card.waitFor(SLOW);
    await docShot("gallery", "crm-gallery");
    await card.getByTestId("template-install").click();
    const install = page.getByRole("dialog");
    await install.locator("input").first().fill(`云帆 CRM ${suffix}`);
    await page.getByTestId("install-confirm").click();
    await page.waitForURL(/\/apps\/[0-9a-f-]{36}/, { timeout: 240_000 });
    const appId = /\/apps\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByTestId("menu-form").filter({ hasText: "客户" }).first().waitFor(SLOW);
    await shot("installed");

    // The demo accounts of this install (their emails carry its tag) are handed to people.
    const tag = appId.replace(/-/g, "").slice(-12);
    await page.goto("/admin/org/members");
    const people: Record<string, Person> = {};
    for (const [key, name] of [
      ["rep", "李明"],
      ["manager", "王海峰"],
      ["director", "陈思源"],
      ["legal", "孙律"],
      ["finance", "赵敏"],
      ["otherRep", "黄磊"],
    ] as const) {
      people[key] = await giveLogin(page, name, tag);
    }
    await shot("members-with-logins");
    const { rep, manager, director, legal, finance, otherRep } = people as Record<string, Person>;

    // ── The rep: a customer; the same name again is refused.
    await signInPerson(page, rep!);
    await page.goto("/apps");
    await page
      .getByTestId("app-card")
      .filter({ hasText: `云帆 CRM ${suffix}` })
      .click();
    await openForm(page, appId, "客户", "fill");
    await page.locator("#field-name").fill(customer);
    await selectOption(page, "industry", "制造业");
    await selectOption(page, "source", "展会");
    await selectOption(page, "grade", "A 重点客户");
    await page.locator("#field-phone").fill("13912345678");
    await submitFill(page);
    expect(await page.getByTestId("serial-numbers").textContent()).toMatch(/KH-\d{8}-\d{4}/);
    await fillAnother(page);
    await page.locator("#field-name").fill(customer);
    await selectOption(page, "industry", "制造业");
    await page.getByRole("button", { name: /提\s*交/ }).click();
    await expect.poll(() => messageUnder(page, "name").textContent(), POLL).toBeTruthy();
    expect(await page.locator(".ant-result-success").count()).toBe(0);
    await shot("duplicate-refused");

    // Renamed, it is a second customer, one nobody will follow up: it will go back to the public pool.
    await page.locator("#field-name").fill(idle);
    await submitFill(page);

    // A follow-up by phone, the next one in three days.
    await openForm(page, appId, "跟进记录", "fill");
    await pickRecord(page, "customer", customer);
    await selectOption(page, "method", "电话");
    await selectOption(page, "result", "有意向");
    await page.locator("#field-content").fill("电话沟通产线升级需求，客户希望下周看方案");
    await pickDay(page, "next_at", 3, true);
    await page.locator("#field-next_plan").fill("上门演示方案");
    await submitFill(page);

    // An opportunity.
    await openForm(page, appId, "商机", "fill");
    await page.locator("#field-name").fill(opportunity);
    await pickRecord(page, "customer", customer);
    await page.locator("#field-amount").fill("300000");
    await pickDay(page, "expected_close", 20);
    await selectOption(page, "stage", "方案报价");
    await submitFill(page);

    // Quote 1: product lines, 25% off the whole quote: the reason is asked for; it goes to the manager.
    const quote = async (discount: string, reason: string): Promise<void> => {
      await pickRecord(page, "customer", customer);
      await pickRecord(page, "opportunity", opportunity);
      if ((await cell(page, 0, "product").count()) === 0)
        await page.getByRole("button", { name: /添加一行/ }).click();
      await pickRecord(page, "items-0-product", "专业版", "云帆 CRM 专业版");
      await expect.poll(() => cell(page, 0, "list_price").inputValue(), POLL).toMatch(/49,?800/);
      await cell(page, 0, "qty").fill("10");
      await page.getByRole("button", { name: /添加一行/ }).click();
      await pickRecord(page, "items-1-product", "标准版", "云帆 CRM 标准版");
      await expect.poll(() => cell(page, 1, "list_price").inputValue(), POLL).toMatch(/19,?800/);
      await cell(page, 1, "qty").fill("5");
      await page.locator("#field-overall_discount").fill(discount);
      await page.locator("#field-overall_discount").press("Tab");
      await page.locator("#field-discount_reason").fill(reason);
      await expect
        .poll(() => page.locator("#field-effective_discount").inputValue(), POLL)
        .toMatch(new RegExp(`^${discount}(\\.0+)?%?$`));
    };
    await openForm(page, appId, "报价单", "fill");
    await quote("25", "年度框架客户，首单让利");
    await docShot("quote-form", "crm-quote");
    await submitFill(page);
    const quote25 = /QT-\d{8}-\d{4}/.exec((await page.getByTestId("serial-numbers").textContent()) ?? "")![0];
    await fillAnother(page);
    await quote("35", "竞争对手低价，申请特批");
    await submitFill(page);
    const quote35 = /QT-\d{8}-\d{4}/.exec((await page.getByTestId("serial-numbers").textContent()) ?? "")![0];

    // ── The manager approves both from the inbox; only the 35% one goes on to the director.
    await signInPerson(page, manager!);
    await inboxRow(page, quote25);
    await inboxRow(page, quote35);
    await docShot("manager-inbox", "crm-inbox");
    expect(await approveFromInbox(page, quote25, "折扣在权限内，同意")).toContain("销售经理审批");
    const taskShot = async () => {
      await page.getByTestId("flow-chart").waitFor(SLOW);
      await expect.poll(() => page.locator("#field-overall_discount").inputValue(), POLL).toMatch(/^35/);
      await docShot("manager-task", "crm-approval");
    };
    expect(await approveFromInbox(page, quote35, "同意，请总监审批", taskShot)).toContain("销售经理审批");

    await signInPerson(page, director!);
    expect(await approveFromInbox(page, quote35, "特批")).toContain("销售总监审批");
    // The 25% quote never reached the director: it is finished.
    await page.getByTestId("box-done").click();
    await page.getByTestId("inbox-row").filter({ hasText: quote35 }).waitFor(SLOW);
    expect(await page.getByTestId("inbox-row").filter({ hasText: quote25 }).count()).toBe(0);

    // ── The rep: the contract for the approved quote.
    await signInPerson(page, rep!);
    await openForm(page, appId, "合同", "fill");
    await page.locator("#field-name").fill(contract);
    await pickRecord(page, "customer", customer);
    await pickRecord(page, "opportunity", opportunity);
    await pickRecord(page, "quote", quote25);
    await page.locator("#field-amount").fill("240000");
    await pickDay(page, "signed_on", 0);
    await selectOption(page, "payment_terms", "两期（50/50）");
    await submitFill(page);

    // The manager, then legal and finance in parallel: both have it before either signs.
    await signInPerson(page, manager!);
    await approveFromInbox(page, contract, "同意签约");
    await signInPerson(page, legal!);
    await inboxRow(page, contract);
    await signInPerson(page, finance!);
    expect(await approveFromInbox(page, contract, "付款条件无误")).toContain("财务审核");
    await signInPerson(page, legal!);
    expect(await approveFromInbox(page, contract, "条款已审")).toContain("法务审核");
    await page.getByTestId("box-done").click();
    const done = page.getByTestId("inbox-row").filter({ hasText: contract });
    await done.waitFor(SLOW);
    await done.locator("a").first().click();
    for (const id of ["manager", "legal", "finance", "end"]) {
      await expect
        .poll(() => page.getByTestId(`flow-node-${id}`).getAttribute("data-status"), POLL)
        .toBe("done");
    }
    expect(await page.getByTestId("flow-node-gm").getAttribute("data-status")).toBe("pending");
    await shot("contract-flow");

    // ── The rep records a payment: more than the contract is refused, the first instalment goes in.
    await signInPerson(page, rep!);
    await openForm(page, appId, "回款", "fill");
    await pickRecord(page, "contract", contract);
    await expect.poll(() => page.locator("#field-contract_amount").inputValue(), POLL).toMatch(/240,?000/);
    await page.locator("#field-instalment").fill("1");
    await selectOption(page, "kind", "实际回款");
    await pickDay(page, "planned_date", 0);
    await page.locator("#field-planned_amount").fill("120000");
    await pickDay(page, "actual_date", 0);
    await page.locator("#field-actual_amount").fill("250000");
    await selectOption(page, "method", "银行转账");
    await page.getByRole("button", { name: /提\s*交/ }).click();
    await page.getByText("实际回款不能超过合同未回款余额").first().waitFor(SLOW);
    expect(await page.locator(".ant-result-success").count()).toBe(0);
    await shot("overpayment-refused");
    await page.locator("#field-actual_amount").fill("120000");
    await submitFill(page);

    // ── The dashboards: the deal is there for the rep, the manager and the director, in their scopes.
    const overview = async (who: Person): Promise<string[]> => {
      await signInPerson(page, who);
      await page.goto(`/apps/${appId}`);
      await page.getByTestId("menu-dashboard").filter({ hasText: "销售总览" }).click();
      const kpi = page.locator('[data-widget-id="contract_kpi"]');
      await kpi.getByTestId("kpi-value").waitFor(SLOW);
      await kpi.getByTestId("widget-drill").click();
      const drawer = page.getByTestId("drill-drawer");
      await drawer.locator(".ant-table-row", { hasText: contract }).waitFor(SLOW);
      await page.keyboard.press("Escape");
      await drawer.waitFor({ state: "hidden" });
      const ranking = page.locator('[data-widget-id="ranking"]').getByTestId("ranking");
      await ranking.locator("li").first().waitFor(SLOW);
      return ranking.locator('[class*="rankName"]').allTextContents();
    };
    const repRanking = await overview(rep!);
    expect(repRanking).toEqual(["李明"]);
    await shot("rep-dashboard");
    const managerRanking = await overview(manager!);
    expect(managerRanking).toContain("李明");
    for (const north of ["黄磊", "周婷", "吴昊", "徐丽", "孙浩", "马骏"])
      expect(managerRanking).not.toContain(north);
    await shot("manager-dashboard");
    const directorRanking = await overview(director!);
    expect(directorRanking).toContain("李明");
    expect(directorRanking.some((n) => ["黄磊", "周婷", "吴昊", "徐丽", "孙浩", "马骏"].includes(n))).toBe(
      true,
    );
    await docShot("director-dashboard", "crm-dashboard");

    // ── A rep of another department never sees the customer: not in the grid, not by search.
    await signInPerson(page, otherRep!);
    await openForm(page, appId, "客户", "data");
    await page.getByTestId("grid-search").locator("input").fill(customer);
    await page.getByTestId("grid-search").locator("input").press("Enter");
    await page.getByText("没有符合条件的数据").waitFor(SLOW);
    expect(await page.locator(".ant-table-row", { hasText: customer }).count()).toBe(0);

    // ── The rep's customer grid, with the new customer among theirs.
    await signInPerson(page, rep!);
    await openForm(page, appId, "客户", "data");
    // Newest first: the serial number sorted descending on the server (a second click on its header).
    const serialHeader = page.locator(".ant-table-thead th", { hasText: "客户编号" });
    await serialHeader.click();
    await expect.poll(() => serialHeader.getAttribute("aria-sort"), POLL).toBe("ascending");
    await serialHeader.click();
    await expect.poll(() => serialHeader.getAttribute("aria-sort"), POLL).toBe("descending");
    await page.locator(".ant-table-row", { hasText: customer }).waitFor(SLOW);
    await page.locator(".ant-table-row", { hasText: idle }).waitFor(SLOW);
    await docShot("rep-customers", "crm-customers");

    // ── With the clock moved forward (the test seam, as the admin): 28 idle days bring the owner a
    // warning and the customer stays theirs; 3 more days and it is back in the public pool, unowned.
    const admin = e2eSettings();
    await signInAs(page, admin.email, admin.password);
    const moved = await api<{ ran: number }>(page, "POST", "/api/test/clock", { days: 28 });
    expect(moved.ran).toBeGreaterThan(0);
    await signInPerson(page, rep!);
    await page.goto(`/apps/${appId}`);
    await page.getByTestId("nav-notifications").click();
    const warning = page.getByTestId("notification-item").filter({ hasText: idle });
    await warning.first().waitFor(SLOW);
    expect(await warning.first().textContent()).toContain("公海");
    await shot("pool-warning");
    await page.keyboard.press("Escape");
    await openForm(page, appId, "客户", "data");
    await page.getByTestId("grid-search").locator("input").fill(idle);
    await page.getByTestId("grid-search").locator("input").press("Enter");
    const stillMine = page.locator(".ant-table-row", { hasText: idle });
    await stillMine.waitFor(SLOW);
    expect(await stillMine.textContent()).toContain("潜在");

    await signInAs(page, admin.email, admin.password);
    await api(page, "POST", "/api/test/clock", { days: 3 });
    await signInPerson(page, director!);
    await openForm(page, appId, "客户", "data");
    await page.getByTestId("grid-search").locator("input").fill(idle);
    await page.getByTestId("grid-search").locator("input").press("Enter");
    const pooled = page.locator(".ant-table-row", { hasText: idle });
    await expect.poll(() => pooled.textContent(), POLL).toContain("公海");
    expect(await pooled.textContent()).not.toContain("李明");
    await shot("pool-returned");
  }
});
