import { DASHBOARD_BUCKETS } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketEnd, bucketStart } from "./buckets";

const day = fc
  .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("date buckets", () => {
  it("a day lies within its bucket, whose end is followed by the next bucket's start", () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...DASHBOARD_BUCKETS), (d, bucket) => {
        const start = bucketStart(bucket, d);
        const end = bucketEnd(bucket, start);
        expect(start <= d && d <= end).toBe(true);
        expect(bucketStart(bucket, end)).toBe(start);
        const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(bucketStart(bucket, next)).toBe(next);
      }),
    );
  });

  it("cuts weeks on Mondays and quarters on January, April, July, October", () => {
    expect(bucketStart("week", "2026-01-11")).toBe("2026-01-05");
    expect(bucketEnd("week", "2026-01-05")).toBe("2026-01-11");
    expect(bucketStart("quarter", "2026-05-20")).toBe("2026-04-01");
    expect(bucketEnd("quarter", "2026-04-01")).toBe("2026-06-30");
    expect(bucketEnd("month", "2024-02-01")).toBe("2024-02-29");
  });
});
