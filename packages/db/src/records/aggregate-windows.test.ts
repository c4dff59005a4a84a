import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareWindows } from "./aggregate-windows";

const day = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe("compareWindows", () => {
  it("puts an as-long window right before the current one, half-open at the end", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = new Date(Date.parse(from) + length * 86_400_000).toISOString().slice(0, 10);
        const w = compareWindows({ from, to }, "/compare");
        expect(w.currentStart).toBe(from);
        expect(days(to, w.currentEnd)).toBe(1);
        expect(days(w.previousStart, w.currentStart)).toBe(days(w.currentStart, w.currentEnd));
      }),
    );
  });

  it("refuses impossible dates and reversed windows with a pointer", () => {
    expect(() => compareWindows({ from: "2026-02-30", to: "2026-03-01" }, "/c")).toThrow(/not a date/);
    expect(() => compareWindows({ from: "2026-03-02", to: "2026-03-01" }, "/c")).toThrow(/ends before/);
    // Across a leap day: 29 Feb - 1 Mar 2024 (2 days) compares with 27 - 28 Feb.
    expect(compareWindows({ from: "2024-02-29", to: "2024-03-01" }, "/c")).toEqual({
      previousStart: "2024-02-27",
      currentStart: "2024-02-29",
      currentEnd: "2024-03-02",
    });
  });
});
