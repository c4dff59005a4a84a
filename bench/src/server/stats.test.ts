import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentile, ratio, summarize } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
  });

  it("is NaN without samples", () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it("is a sample, between the minimum and the maximum, and grows with p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (samples, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const value = percentile(samples, low);
          expect(samples).toContain(value);
          expect(value).toBeLessThanOrEqual(percentile(samples, high));
          expect(value).toBeGreaterThanOrEqual(Math.min(...samples));
        },
      ),
    );
  });
});

describe("summarize and ratio", () => {
  it("reports count, p50, p95 and max", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(samples)).toEqual({ count: 100, p50: 50, p95: 95, max: 100 });
  });

  it("divides ours by the baseline, NaN for an empty baseline", () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNaN();
  });
});
