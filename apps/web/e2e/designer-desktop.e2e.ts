import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { createApp, createForm, signIn, uniqueSuffix } from "./steps";

/** The element's box once it has stopped moving (a scroll or a re-layout may still be settling). */
async function settledBox(page: Page, locator: Locator) {
  let last = await locator.boundingBox();
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(50);
    const next = await locator.boundingBox();
    if (next && last && next.x === last.x && next.y === last.y && next.height === last.height) return next;
    last = next;
  }
  return last;
}

/**
 * A real pointer drag: press, move in steps (dnd-kit needs movement past its 4 px threshold), release.
 * The target is brought to the middle of its scroll container first: a drop point near the container's
 * edge makes dnd-kit auto-scroll while the button is held, and on a slow machine the content then slides
 * under the pointer (a column meant for a sub-form landed on the form). `at: "end"` drops into the
 * form's bottom padding, which appends.
 */
async function drag(page: Page, from: Locator, to: Locator, at: "top" | "end" = "top"): Promise<void> {
  await to.evaluate((element, end) => {
    if (end) {
      const scroller = element.parentElement;
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    } else {
      element.scrollIntoView({ block: "center" });
    }
  }, at === "end");
  await from.scrollIntoViewIfNeeded();
  const a = await settledBox(page, from);
  const b = await settledBox(page, to);
  if (!a || !b) throw new Error("drag source or target is not visible");
  const y = at === "end" ? b.y + b.height - 16 : b.y + Math.min(b.height / 2, 40);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, y, { steps: 12 });
  await page.mouse.up();
}

async function canvasOrder(page: Page): Promise<string[]> {
  return page.locator("[data-testid=designer-canvas] [data-testid^=canvas-field-]").evaluateAll((cards) =>
    cards
      // Top-level cards only: sub-form columns sit inside a sub-form zone.
      .filter((card) => !card.closest("[data-testid^=subform-zone-]"))
      .map((card) => card.getAttribute("data-testid")?.replace("canvas-field-", "") ?? ""),
  );
}

async function setLabel(page: Page, id: string, label: string): Promise<void> {
  await page.getByTestId(`select-field-${id}`).click();
  await page.locator("#prop-label-zh-CN").fill(label);
  await page.getByTestId(`canvas-field-${id}`).getByText(label).waitFor();
}

async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: text })
    .first()
    .click();
}

describe("form designer on a desktop", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser("designer", DESKTOP);
  });
  afterAll(async () => {
    // The state the run ended in, whatever happened: the first thing to look at when a step fails.
    await session?.shot("last");
    await session?.close();
  });

  it("builds a form by dragging, sets a formula column and a display rule, reorders by keyboard, publishes", async () => {
    const { page, shot } = session;
    await signIn(page);
    await createApp(page, `报价管理 ${uniqueSuffix()}`, "设计器测试");
    await createForm(page, "报价单");
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await page.getByTestId("designer").waitFor();
    await shot("empty");

    const canvas = page.getByTestId("designer-canvas");
    for (const type of ["text", "number", "textarea", "select", "date", "phone", "email", "subform"]) {
      await drag(page, page.getByTestId(`palette-${type}`), canvas, "end");
      await page.getByTestId(`canvas-field-${type}_1`).waitFor();
    }
    expect(await canvasOrder(page)).toEqual([
      "text_1",
      "number_1",
      "textarea_1",
      "select_1",
      "date_1",
      "phone_1",
      "email_1",
      "subform_1",
    ]);
    // Clicking a palette item appends it too (the accessible path).
    await page.getByTestId("palette-rating").click();
    await page.getByTestId("canvas-field-rating_1").waitFor();

    const zone = page.getByTestId("subform-zone-subform_1");
    await drag(page, page.getByTestId("palette-number"), zone);
    await zone.getByTestId("canvas-field-number_2").waitFor();
    await drag(page, page.getByTestId("palette-money"), zone);
    await zone.getByTestId("canvas-field-money_1").waitFor();
    await drag(page, page.getByTestId("palette-number"), zone);
    await zone.getByTestId("canvas-field-number_3").waitFor();

    await setLabel(page, "text_1", "客户");
    await setLabel(page, "number_1", "折扣");
    await setLabel(page, "textarea_1", "折扣原因");
    await setLabel(page, "subform_1", "明细");
    await setLabel(page, "number_2", "数量");
    await setLabel(page, "money_1", "单价");
    await setLabel(page, "number_3", "小计");

    // A computed sub-form column: the formula editor checks as you type and previews on sample values.
    await page.getByTestId("edit-formula").click();
    const formula = page.getByTestId("formula-input");
    await formula.fill("number_2 * ");
    await page.getByRole("dialog").getByRole("alert").first().waitFor();
    // The checker's detail in the UI language, not its English message.
    await page
      .getByRole("dialog")
      .getByText(/此处应为一个值.*实际是公式末尾/)
      .first()
      .waitFor();
    await shot("formula-error");
    await formula.fill("number_2 * money_1");
    await expect.poll(() => page.getByTestId("formula-preview").textContent()).toContain("100");
    await shot("formula-editor");
    await page.getByTestId("formula-apply").click();
    await page.getByTestId("canvas-field-number_3").getByText("= number_2 * money_1").waitFor();

    // A display rule: 折扣原因 shows when 折扣 > 0.2.
    await page.getByTestId("select-field-textarea_1").click();
    await page.getByTestId("edit-rule").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: /添加条件$/ }).click();
    const condition = dialog.getByTestId("rule-condition");
    await pickOption(page, condition.locator(".ant-select").nth(0), "折扣");
    await pickOption(page, condition.locator(".ant-select").nth(1), "大于");
    await condition.locator("input.ant-input-number-input").fill("0.2");
    await shot("rule-builder");
    await page.getByTestId("rule-apply").click();
    await dialog.waitFor({ state: "hidden" });

    // Keyboard only: focus 客户's handle, pick it up, move it down one place, drop it.
    expect((await canvasOrder(page)).slice(0, 2)).toEqual(["text_1", "number_1"]);
    await page.getByTestId("drag-handle-text_1").focus();
    // dnd-kit measures between key presses: give each step a frame or two on a loaded machine.
    await page.keyboard.press("Space");
    await page.waitForTimeout(400);
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(600);
    await shot("keyboard-moving");
    await page.keyboard.press("Space");
    await expect.poll(async () => (await canvasOrder(page)).slice(0, 2)).toEqual(["number_1", "text_1"]);

    // Undo and redo the keyboard move.
    await page.getByTestId("undo").click();
    await expect.poll(async () => (await canvasOrder(page)).slice(0, 2)).toEqual(["text_1", "number_1"]);
    await page.getByTestId("redo").click();
    await expect.poll(async () => (await canvasOrder(page)).slice(0, 2)).toEqual(["number_1", "text_1"]);

    // Two fields side by side: 客户 and 折扣 at half width.
    for (const id of ["number_1", "text_1"]) {
      await page.getByTestId(`select-field-${id}`).click();
      await pickOption(page, page.locator("#prop-width"), "半行");
    }
    const left = await page.getByTestId("canvas-field-number_1").boundingBox();
    const right = await page.getByTestId("canvas-field-text_1").boundingBox();
    expect(Math.abs((left?.y ?? 0) - (right?.y ?? 1))).toBeLessThan(2);

    await page.getByTestId("select-field-textarea_1").click();
    await expect
      .poll(() => page.getByTestId("save-status").getAttribute("data-status"), { timeout: 20_000 })
      .toBe("saved");
    await shot("designed");
    await page.getByTestId("select-field-number_3").click();
    await page.getByTestId("subform-zone-subform_1").scrollIntoViewIfNeeded();
    await shot("subform-formula-column");

    await page.getByTestId("preview").click();
    await page.getByTestId("preview-desktop").waitFor();
    await shot("preview");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /Close|关闭/ })
      .click();

    await page.getByTestId("publish").click();
    await page.getByTestId("publish-summary").waitFor();
    // Let the dialog's opening animation finish so the screenshot shows it.
    await page.waitForTimeout(500);
    await shot("publish-summary");
    await page.getByTestId("publish-confirm").click();
    await page.getByText("已发布第 1 版").waitFor();
    await shot("published");
  });
});
