import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

const field = { id: "t", type: "datetime" as const, label: "T" };

describe("datetime", () => {
  it("stores UTC ISO and refuses times without an offset", () => {
    expect(fieldType.normalize("2026-11-27T10:30:00+08:00", field)).toBe("2026-11-27T02:30:00.000Z");
    expect(fieldType.normalize("2026-11-27T10:30:00", field)).toBe("2026-11-27T10:30:00");
    expect(fieldType.validate("2026-11-27T10:30:00", field)).toHaveLength(1);
  });

  it("shows the time in the product's zone", () => {
    expect(fieldType.format("2026-11-27T02:30:00.000Z", field, "zh-CN")).toBe("2026年11月27日 10:30");
    expect(fieldType.format("2026-11-27T02:30:00.000Z", field, "en")).toBe("Nov 27, 2026, 10:30 AM");
  });
});
