import { checkFormula, FORMULA_DIAGNOSTIC_KEYS } from "@formwork/expressions";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "../locales/en.json";
import zhCN from "../locales/zh-CN.json";
import { diagnosticText } from "./diagnostic-text";

const i18n = i18next.createInstance();
await i18n.init({ lng: "zh-CN", resources: { "zh-CN": { translation: zhCN }, en: { translation: en } } });
const env = { fields: { price: "number" as const, items: { array: "text" as const } } };
const first = (formula: string) => checkFormula(formula, env).diagnostics[0]!;

describe("formula diagnostics in both languages", () => {
  it("words every key the formula checker can report, in each catalog", () => {
    for (const catalog of [en, zhCN]) {
      for (const key of FORMULA_DIAGNOSTIC_KEYS) expect(catalog.formulaIssues).toHaveProperty(key);
    }
  });

  it("fills in the values a diagnostic names", async () => {
    expect(diagnosticText(first("NOPE(1)"), i18n.t)).toBe("未知函数 NOPE");
    expect(diagnosticText(first("IF(1, 2, 3, 4)"), i18n.t)).toBe("IF 需要 2 到 3 个参数，实际有 4 个");
    expect(diagnosticText(first("(1 + 2"), i18n.t)).toBe("缺少与“(”配对的“)”，实际是公式末尾");
    expect(diagnosticText(first("SUM(1 2)"), i18n.t)).toBe("SUM 的参数之间应为“,”或以“)”结束，实际是“2”");
    expect(diagnosticText(first("price * items"), i18n.t)).toContain("文本列");
    await i18n.changeLanguage("en");
    expect(diagnosticText(first("1 ＋ 2"), i18n.t)).toBe(
      "Full-width “＋” is not allowed here: type “+” instead",
    );
    expect(diagnosticText(first("price + missing"), i18n.t)).toBe(
      "Unknown field “missing”: pick fields from the list on the left",
    );
    await i18n.changeLanguage("zh-CN");
  });

  it("falls back to the checker's own message without a detail", () => {
    const bare = { ...first("NOPE(1)"), detail: undefined };
    expect(diagnosticText(bare, i18n.t)).toBe("unknown function NOPE");
  });
});
