import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalPlaces, parseNumeric, roundHalfAwayFromZero } from "./decimal";

describe("roundHalfAwayFromZero", () => {
  it.each([
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1.45, 1, 1.5],
    [0.125, 2, 0.13],
    [1234.5678, 2, 1234.57],
    [-0.004, 2, 0],
    [1e-7, 2, 0],
  ])("rounds %d to %d places as %d", (value, places, expected) => {
    expect(roundHalfAwayFromZero(value, places)).toBe(expected);
  });

  it("leaves non-finite and huge numbers alone", () => {
    expect(roundHalfAwayFromZero(Number.NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(1e21, 2)).toBe(1e21);
  });

  it("never has more decimals than asked and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (v, p) => {
          const once = roundHalfAwayFromZero(v, p);
          expect(decimalPlaces(once)).toBeLessThanOrEqual(p);
          expect(roundHalfAwayFromZero(once, p)).toBe(once);
        },
      ),
    );
  });
});

describe("parseNumeric", () => {
  it("reads numeric strings and leaves garbage", () => {
    expect(parseNumeric(" 1,234.50 ")).toBe(1234.5);
    expect(parseNumeric("-.5")).toBe(-0.5);
    expect(parseNumeric("1e3")).toBe(1000);
    expect(parseNumeric("12abc")).toBe("12abc");
    expect(parseNumeric("")).toBe("");
    expect(parseNumeric(true)).toBe(true);
  });
});

describe("decimalPlaces", () => {
  it("counts decimals including exponent form", () => {
    expect(decimalPlaces(1.25)).toBe(2);
    expect(decimalPlaces(10)).toBe(0);
    expect(decimalPlaces(1.5e-7)).toBe(8);
  });
});
