import { isIsoDuration } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration";

describe("deadline durations", () => {
  it("round-trip through ISO 8601 text the validator accepts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom("minutes", "hours", "days" as const),
        (amount, unit) => {
          const text = formatDuration({ amount, unit });
          expect(isIsoDuration(text)).toBe(true);
          expect(parseDuration(text)).toEqual({ amount, unit });
        },
      ),
    );
  });

  it("leave other durations to be shown as written", () => {
    expect(parseDuration("P1DT2H")).toBeUndefined();
    expect(parseDuration(undefined)).toBeUndefined();
    expect(formatDuration({ amount: 0, unit: "days" })).toBe("P1D");
  });
});
