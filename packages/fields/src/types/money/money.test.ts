import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

describe("money", () => {
  const field = { id: "m", type: "money" as const, label: "M" };
  it("keeps two decimals by default and shows the currency symbol", () => {
    expect(fieldType.normalize("99.995", field)).toBe(100);
    expect(fieldType.format(1234.5, field, "zh-CN")).toBe("¥1,234.50");
    expect(fieldType.format(1234.5, field, "en")).toBe("¥1,234.50");
    expect(fieldType.format(3, { ...field, currency: "USD" }, "en")).toBe("$3.00");
  });
});
