import type { FieldOf } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { dateParts, formatSerial, periodKey } from "./serial";

const field: FieldOf<"serial"> = {
  id: "no",
  type: "serial",
  label: "No",
  pattern: [
    { text: "QT-" },
    { date: "yyyyMMdd" },
    { text: "-" },
    { counter: 4, reset: "daily" },
    { field: "region" },
  ],
};

describe("serial numbers", () => {
  it("formats the pattern in the configured time zone", () => {
    // 2026-11-27 17:30 UTC is already the 28th in Shanghai.
    const d = dateParts(new Date("2026-11-27T17:30:00Z"), "Asia/Shanghai");
    expect(formatSerial(field, 7, d, { region: "E" })).toBe("QT-20261128-0007E");
    expect(formatSerial(field, 12345, d, {})).toBe("QT-20261128-12345");
    expect(dateParts(new Date("2026-11-27T17:30:00Z"), "UTC").dd).toBe("27");
  });
  it("keys the counter by its reset period", () => {
    const d = dateParts(new Date("2026-03-05T12:00:00Z"), "UTC");
    expect(periodKey({ counter: 3, reset: "daily" }, d)).toBe("20260305");
    expect(periodKey({ counter: 3, reset: "monthly" }, d)).toBe("202603");
    expect(periodKey({ counter: 3, reset: "yearly" }, d)).toBe("2026");
    expect(periodKey({ counter: 3 }, d)).toBe("");
  });
});
