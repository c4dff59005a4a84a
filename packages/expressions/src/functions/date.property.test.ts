import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formula } from "./test-support";

const isoDate = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2060, 0, 1) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe("date functions agree with each other", () => {
  it("NETWORKDAYS counts the working days WORKDAY steps over", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 400 }), (start, n) => {
        const end = formula("WORKDAY(d,n)", { d: start, n });
        const startIsWorkday = (formula("WEEKDAY(d,2)", { d: start }) as number) <= 5;
        expect(formula("NETWORKDAYS(d,e)", { d: start, e: end })).toBe(startIsWorkday ? n + 1 : n);
        // Stepping back lands on the start, or on the last working day before a weekend start.
        expect(formula("WORKDAY(e,-n)", { e: end, n })).toBe(
          startIsWorkday ? start : formula("WORKDAY(d,-1)", { d: start }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("EDATE moves whole months that DATEDIF counts back", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 600 }), (start, months) => {
        const moved = formula("EDATE(d,m)", { d: start, m: months }) as string;
        const clamped = Number(moved.slice(8)) < Number(start.slice(8));
        expect(formula('DATEDIF(d,e,"M")', { d: start, e: moved })).toBe(clamped ? months - 1 : months);
        expect(formula("EOMONTH(d,0) >= e", { d: moved, e: moved })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("days added to a date are the days between them; the parts rebuild the date", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (start, n) => {
        const later = formula("d+n", { d: start, n }) as string;
        expect(formula("DAYS(e,d)", { d: start, e: later })).toBe(n);
        expect(formula("e-d", { d: start, e: later })).toBe(n);
        expect(formula("DATE(YEAR(e),MONTH(e),DAY(e))", { e: later })).toBe(later);
        expect(formula('TEXT(e,"yyyy-MM-dd")', { e: later })).toBe(later);
      }),
      { numRuns: 300 },
    );
  });
});
