import { describe, expect, it } from "vitest";
import { localize } from "./localized-text";

describe("localize", () => {
  it("returns plain strings as they are", () => {
    expect(localize("报价单", "en")).toBe("报价单");
  });

  it("picks the UI language and falls back to the other one", () => {
    const both = { "zh-CN": "报价单", en: "Quotes" };
    expect(localize(both, "en")).toBe("Quotes");
    expect(localize(both, "zh-CN")).toBe("报价单");
    expect(localize({ "zh-CN": "报价单" }, "en")).toBe("报价单");
    expect(localize({ en: "Quotes" }, "zh-CN")).toBe("Quotes");
    expect(localize({}, "en")).toBe("");
    expect(localize(undefined, "en")).toBe("");
  });
});
