import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

const field = { id: "n", type: "number" as const, label: "N", precision: 2 };

describe("number", () => {
  it("reads numeric text and rounds half away from zero on the decimal digits", () => {
    expect(fieldType.normalize("1.005", field)).toBe(1.01);
    expect(fieldType.normalize(-2.345, field)).toBe(-2.35);
    expect(fieldType.normalize(" 1,234 ", field)).toBe(1234);
    expect(fieldType.normalize("", field)).toBeNull();
    expect(fieldType.normalize("1.2.3", field)).toBe("1.2.3");
  });

  it("formats with separators, units and percentages", () => {
    expect(fieldType.format(1234567.5, field, "en")).toBe("1,234,567.50");
    expect(fieldType.format(12, { ...field, unit: "kg" }, "zh-CN")).toBe("12.00 kg");
    expect(fieldType.format(0.256, { id: "p", type: "number", label: "P", percent: true }, "en")).toBe(
      "25.6%",
    );
  });

  it("explains range violations in both languages", () => {
    expect(fieldType.validate(5, { ...field, max: 3 })).toEqual([
      { path: "", message: { "zh-CN": "不能大于 3", en: "Must be at most 3" } },
    ]);
  });
});
