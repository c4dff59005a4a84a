// The app list's icons and colours, the menu's groups and order of forms and dashboards (pointer and
// keyboard dragging), and the designer's answer to a draft someone else saved meanwhile (412).
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, PHONE, type Session } from "./browser";
import { api, signIn, uniqueSuffix } from "./steps";

async function menuRows(page: Page): Promise<string[]> {
  return page
    .getByTestId("form-menu")
    .locator("[data-testid=menu-form], [data-testid=menu-dashboard], [data-testid=menu-group]")
    .evaluateAll((rows) =>
      rows.map((row) => {
        const group = row.closest("[data-testid=menu-group]");
        const text = row.querySelector("a, button[aria-expanded]")?.textContent?.replace(/\d+$/, "") ?? "";
        const kind = row.getAttribute("data-testid");
        const label = kind === "menu-dashboard" ? `◔${text}` : text;
        return kind === "menu-group" ? `[${text}]` : group ? `  ${label}` : label;
      }),
    );
}

/** The menu row of a form by its name (the row's text, not counting its icon). */
const formRow = (page: Page, name: string) =>
  page.getByTestId("menu-form").filter({ has: page.locator("span", { hasText: new RegExp(`^${name}$`) }) });

describe("app look and form menu", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("menu", DESKTOP);
  });
  afterAll(async () => {
    await session?.shot("last");
    await session?.close();
  });

  it("creates an app with an icon and colour, groups and reorders its forms (keyboard too)", async () => {
    const { page, shot } = session;
    await signIn(page);
    const name = `销售管理 ${uniqueSuffix()}`;
    await page
      .getByRole("button", { name: /新建应用/ })
      .first()
      .click();
    await page.locator("#create-app_name").fill(name);
    await page.getByTestId("icon-customer").click();
    await page.getByTestId("colour-#14b8a6").click();
    await shot("create-app-look");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /创\s*建/ })
      .click();
    await page.waitForURL(/\/apps\/[^/]+$/);
    const appId = new URL(page.url()).pathname.split("/").pop()!;
    const avatar = page.locator("aside [data-testid=app-avatar]").first();
    await avatar.waitFor();
    expect(await avatar.getAttribute("data-app-icon")).toBe("customer");
    expect(await avatar.getAttribute("data-colour")).toBe("#14b8a6");

    for (const [key, label] of [
      ["leads", "线索"],
      ["customers", "客户"],
      ["contracts", "合同"],
      ["payments", "回款"],
    ]) {
      await api(page, "POST", `/api/apps/${appId}/forms`, { key, name: label, fields: [] });
    }
    await page.reload();
    await formRow(page, "回款").waitFor();
    expect(await menuRows(page)).toEqual(["线索", "客户", "合同", "回款"]);

    // A group, then a form moved into it through its row's menu.
    await page.getByTestId("menu-new-group").click();
    await page.locator("#menu-group_name").fill("合同管理");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /创\s*建/ })
      .click();
    await page.getByTestId("menu-group").filter({ hasText: "合同管理" }).waitFor();
    await page.getByText("拖动表单或仪表盘到这里").waitFor();
    for (const form of ["合同", "回款"]) {
      await formRow(page, form).hover();
      await formRow(page, form).getByTestId("menu-form-actions").click();
      await page.locator(".ant-dropdown:visible").getByText("合同管理", { exact: true }).click();
      await expect.poll(() => menuRows(page)).toContain(`  ${form}`);
    }
    expect(await menuRows(page)).toEqual(["线索", "客户", "[合同管理]", "  合同", "  回款"]);

    // Keyboard only: pick up 客户 by its handle, move it up one place, drop it.
    await formRow(page, "客户").getByTestId("menu-drag").focus();
    await page.keyboard.press("Space");
    await page.waitForTimeout(400);
    await page.keyboard.press("ArrowUp");
    await page.waitForTimeout(600);
    await shot("keyboard-moving");
    await page.keyboard.press("Space");
    await expect.poll(() => menuRows(page)).toEqual(["客户", "线索", "[合同管理]", "  合同", "  回款"]);

    // Inside the group, by keyboard: 回款 before 合同.
    await formRow(page, "回款").getByTestId("menu-drag").focus();
    await page.keyboard.press("Space");
    await page.waitForTimeout(400);
    await page.keyboard.press("ArrowUp");
    await page.waitForTimeout(600);
    await page.keyboard.press("Space");
    await expect.poll(() => menuRows(page)).toEqual(["客户", "线索", "[合同管理]", "  回款", "  合同"]);

    // Saved on the server: another visit sees the same menu, in the same order.
    await expect
      .poll(async () =>
        (await api<{ forms: { name: string }[] }>(page, "GET", `/api/apps/${appId}`)).forms.map(
          (f) => f.name,
        ),
      )
      .toEqual(["客户", "线索", "回款", "合同"]);
    await page.reload();
    await formRow(page, "合同").waitFor();
    expect(await menuRows(page)).toEqual(["客户", "线索", "[合同管理]", "  回款", "  合同"]);
    await formRow(page, "线索").getByRole("link").click();
    await page.waitForURL(/\/forms\/[^/]+\/(design|fill|data)$/);
    await shot("menu-desktop");

    // Rename the group; fold it; another icon and colour from the settings.
    const group = page.getByTestId("menu-group").filter({ hasText: "合同管理" });
    await group.locator(".ant-btn").first().hover();
    await group.getByTestId("menu-group-actions").click();
    await page.locator(".ant-dropdown:visible").getByText("重命名分组").click();
    await page.locator("#menu-group_name").fill("合同与回款");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /保\s*存/ })
      .click();
    await page.getByTestId("menu-group").filter({ hasText: "合同与回款" }).waitFor();
    await page.getByRole("button", { name: "收起 合同与回款" }).click();
    await formRow(page, "合同").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "展开 合同与回款" }).click();
    await formRow(page, "合同").waitFor();

    await page.getByRole("button", { name: "应用设置" }).click();
    await page.getByTestId("icon-rocket").click();
    await page.getByTestId("colour-#8b5cf6").click();
    await shot("app-settings-look");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /保\s*存/ })
      .click();
    await expect.poll(() => avatar.getAttribute("data-app-icon")).toBe("rocket");
    expect(await avatar.getAttribute("data-colour")).toBe("#8b5cf6");

    // Deleting the group keeps its forms, outside any group.
    await page.getByTestId("menu-group").first().hover();
    await page.getByTestId("menu-group-actions").click();
    await page.locator(".ant-dropdown:visible").getByText("删除分组").click();
    await page
      .locator(".ant-modal-confirm")
      .getByRole("button", { name: /删除分组/ })
      .click();
    await expect.poll(() => menuRows(page)).toEqual(["客户", "线索", "回款", "合同"]);

    await page.getByRole("link", { name: "返回应用列表" }).click();
    const card = page.getByTestId("app-card").filter({ hasText: name });
    await card.waitFor();
    expect(await card.getByTestId("app-avatar").getAttribute("data-app-icon")).toBe("rocket");
    await shot("app-list-desktop");
  });

  it("drags a dashboard into a group of the menu and opens it from there", async () => {
    const { page, shot } = session;
    const app = await api<{ id: string }>(page, "POST", "/api/apps", {
      name: `仪表盘菜单 ${uniqueSuffix()}`,
    });
    for (const [key, label] of [
      ["leads", "线索"],
      ["customers", "客户"],
    ]) {
      await api(page, "POST", `/api/apps/${app.id}/forms`, { key, name: label, fields: [] });
    }
    const sales = await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/dashboards`, {
      title: "销售总览",
      widgets: [],
    });
    await api(page, "POST", `/api/apps/${app.id}/dashboards`, { title: "回款分析", widgets: [] });
    await page.goto(`/apps/${app.id}`);
    await page.getByTestId("menu-dashboard").first().waitFor();
    // Dashboards not yet placed follow the forms, with their own icon.
    expect(await menuRows(page)).toEqual(["线索", "客户", "◔销售总览", "◔回款分析"]);

    await page.getByTestId("menu-new-group").click();
    await page.locator("#menu-group_name").fill("仪表盘");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /创\s*建/ })
      .click();
    const group = page.getByTestId("menu-group").filter({ hasText: "仪表盘" });
    await group.waitFor();

    // With the mouse: 回款分析 by its handle onto the group's header, then 销售总览 onto 回款分析.
    /** Drags `from` by its handle until the pointer is `rows` rows below `to`'s centre (dnd-kit compares centres). */
    const drag = async (from: Locator, to: Locator, rows = 0) => {
      await from.hover();
      const handle = from.getByTestId("menu-drag");
      const start = (await handle.boundingBox())!;
      const end = (await to.boundingBox())!;
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
      await page.mouse.down();
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 + 8, { steps: 4 });
      await page.mouse.move(end.x + end.width / 2, end.y + end.height * (0.5 + rows), { steps: 12 });
      await page.waitForTimeout(200);
      await page.mouse.up();
    };
    const dashboardRow = (title: string) => page.getByTestId("menu-dashboard").filter({ hasText: title });
    await drag(dashboardRow("回款分析"), group.getByTestId("menu-group-toggle"));
    await expect.poll(() => menuRows(page)).toEqual(["线索", "客户", "◔销售总览", "[仪表盘]", "  ◔回款分析"]);
    await drag(dashboardRow("销售总览"), dashboardRow("回款分析"));
    await expect
      .poll(() => menuRows(page))
      .toEqual(["线索", "客户", "[仪表盘]", "  ◔销售总览", "  ◔回款分析"]);
    // And the group to the top, above the forms, as a Jiandaoyun CRM has it.
    // The group's box is three rows tall and the pointer holds its header: aim one row above 线索.
    await drag(group.locator("> div"), page.getByTestId("menu-form").first(), -1);
    await expect
      .poll(() => menuRows(page))
      .toEqual(["[仪表盘]", "  ◔销售总览", "  ◔回款分析", "线索", "客户"]);

    // Saved: another visit shows the same menu; the dashboard opens from it.
    await page.reload();
    await dashboardRow("销售总览").waitFor();
    expect(await menuRows(page)).toEqual(["[仪表盘]", "  ◔销售总览", "  ◔回款分析", "线索", "客户"]);
    await dashboardRow("销售总览").getByRole("link").click();
    await page.waitForURL(new RegExp(`/dashboards/${sales.id}$`));
    await page.getByTestId("dashboard-title").getByText("销售总览").waitFor();
    await shot("menu-dashboards");
  });

  it("tells a designer when someone else saved the draft, and reloads theirs", async () => {
    const { page, shot } = session;
    const app = await api<{ id: string }>(page, "POST", "/api/apps", { name: `草稿冲突 ${uniqueSuffix()}` });
    const form = await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, {
      key: "drafts",
      name: "草稿",
      fields: [{ id: "text_1", type: "text", label: "原来的标题" }],
    });
    await page.goto(`/apps/${app.id}/forms/${form.id}/design`);
    await page.getByTestId("canvas-field-text_1").waitFor();

    // Another administrator saves the draft in the meantime (no If-Match: a blind replace).
    await api(page, "PUT", `/api/forms/${form.id}`, {
      key: "drafts",
      name: "草稿",
      fields: [{ id: "text_1", type: "text", label: "别人改的标题" }],
    });

    await page.getByTestId("select-field-text_1").click();
    await page.locator("#prop-label-zh-CN").fill("我改的标题");
    const status = page.getByTestId("save-status");
    await expect.poll(() => status.getAttribute("data-status"), { timeout: 20_000 }).toBe("conflict");
    await page.getByText("你打开后，有人保存了这个表单的草稿").waitFor();
    await shot("draft-conflict");
    // Nothing was overwritten.
    const server = await api<{ definition: { fields: { label: string }[] } }>(
      page,
      "GET",
      `/api/forms/${form.id}`,
    );
    expect(server.definition.fields[0]!.label).toBe("别人改的标题");

    await page.getByRole("button", { name: "重新加载" }).click();
    await page.getByTestId("canvas-field-text_1").getByText("别人改的标题").waitFor();
    expect(await page.getByTestId("save-status").getAttribute("data-status")).toBe("saved");
  });
});

describe("app list and form menu on a 375 px phone", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("menu-phone", PHONE, { mobile: true });
  });
  afterAll(async () => {
    await session?.shot("last");
    await session?.close();
  });

  it("shows icons on the list and groups in the drawer, without sideways overflow", async () => {
    const { page, shot } = session;
    await signIn(page);
    const app = await api<{ id: string }>(page, "POST", "/api/apps", {
      name: `客户关系 ${uniqueSuffix()}`,
      description: "线索、客户、商机和合同，一个应用管起来",
      icon: "sales",
      colour: "#f97316",
    });
    const ids: string[] = [];
    for (const [key, label] of [
      ["leads", "线索"],
      ["opportunities", "商机"],
      ["quotes", "报价单"],
    ]) {
      ids.push(
        (
          await api<{ id: string }>(page, "POST", `/api/apps/${app.id}/forms`, {
            key,
            name: label,
            fields: [],
          })
        ).id,
      );
    }
    const current = await api<{ menuRevision: number }>(page, "GET", `/api/apps/${app.id}`);
    await page.evaluate(
      async ({ appId, menu, revision }) => {
        const response = await fetch(`/api/apps/${appId}/menu`, {
          method: "PUT",
          headers: {
            "Content-Type": "application/json",
            "X-Requested-With": "formwork",
            "If-Match": `"${revision}"`,
          },
          body: JSON.stringify({ menu }),
        });
        if (!response.ok) throw new Error(await response.text());
      },
      {
        appId: app.id,
        revision: current.menuRevision,
        menu: [
          { type: "form", form: ids[0] },
          {
            type: "group",
            id: "deals",
            name: "商机与报价",
            items: [
              { type: "form", form: ids[1] },
              { type: "form", form: ids[2] },
            ],
          },
        ],
      },
    );
    await page.goto("/apps");
    const card = page.getByTestId("app-card").filter({ hasText: "客户关系" }).first();
    await card.waitFor();
    expect(await card.getByTestId("app-avatar").getAttribute("data-app-icon")).toBe("sales");
    await shot("app-list-phone");
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    await card.click();
    await page.getByTestId("workspace-menu-button").click();
    await page.getByTestId("menu-group").filter({ hasText: "商机与报价" }).waitFor();
    expect(await menuRows(page)).toEqual(["线索", "[商机与报价]", "  商机", "  报价单"]);
    await page.waitForTimeout(600); // the drawer's slide-in
    await shot("menu-phone");
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });
});
