import { describe, expect, it } from "vitest";
import { i18n } from "./i18n";
import { LAZY_TEXT_FEATURES, loadFeatureTexts } from "./lazy-texts";

describe("texts loaded with a feature's chunk", () => {
  it("arrive for every feature, whatever namespaces its folder holds", async () => {
    // designer/ holds formulaIssues and data/ views: the shell also has "designer" and "data" namespaces,
    // which once made them look loaded already.
    expect(i18n.exists("formulaIssues.theEnd")).toBe(false);
    for (const feature of LAZY_TEXT_FEATURES) await loadFeatureTexts(feature);
    expect(i18n.t("formulaIssues.theEnd")).not.toBe("formulaIssues.theEnd");
    expect(Object.keys(i18n.getResourceBundle("zh-CN", "translation"))).toEqual(
      expect.arrayContaining(["formulaIssues", "views", "orgNames", "comments", "flows"]),
    );
  });
});
