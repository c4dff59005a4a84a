import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

const field = { id: "d", type: "date" as const, label: "D" };

describe("date", () => {
  it("normalises the shapes people type to YYYY-MM-DD and leaves garbage alone", () => {
    expect(fieldType.normalize("2026/1/5", field)).toBe("2026-01-05");
    expect(fieldType.normalize("2026年11月27日", field)).toBe("2026-11-27");
    expect(fieldType.normalize("2026-11-27T23:30:00+08:00", field)).toBe("2026-11-27");
    expect(fieldType.normalize("2026-02-29", field)).toBe("2026-02-29");
    expect(fieldType.validate("2026-02-29", field)).toHaveLength(1);
    expect(fieldType.normalize("next week", field)).toBe("next week");
  });

  it("formats in each language", () => {
    expect(fieldType.format("2026-11-27", field, "zh-CN")).toBe("2026年11月27日");
    expect(fieldType.format("2026-11-27", field, "en")).toBe("Nov 27, 2026");
  });
});
