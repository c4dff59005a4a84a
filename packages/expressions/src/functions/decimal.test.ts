import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundDecimal } from "./decimal";

describe("decimal rounding", () => {
  it("rounds half away from zero on the decimal value", () => {
    expect(roundDecimal(2.675, 2, "half-away")).toBe(2.68);
    expect(roundDecimal(1.005, 2, "half-away")).toBe(1.01);
    expect(roundDecimal(-1.005, 2, "half-away")).toBe(-1.01);
    expect(roundDecimal(2.5, 0, "half-away")).toBe(3);
    expect(roundDecimal(-2.5, 0, "half-away")).toBe(-3);
    expect(roundDecimal(1234.5678, -2, "half-away")).toBe(1200);
    expect(roundDecimal(1e-7, 2, "half-away")).toBe(0);
  });

  it("rounds up and down away from and toward zero after Excel's 15 digits", () => {
    expect(roundDecimal(0.1 + 0.2, 1, "up")).toBe(0.3);
    expect(roundDecimal(2.501, 2, "up")).toBe(2.51);
    expect(roundDecimal(-2.501, 2, "up")).toBe(-2.51);
    expect(roundDecimal(-3.149, 2, "down")).toBe(-3.14);
    expect(Object.is(roundDecimal(-0.001, 2, "down"), 0)).toBe(true);
  });

  it("agrees with rounding the decimal text digit by digit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 4 }),
        (units, places) => {
          // A number with places+1 decimals whose last digit decides the rounding.
          const n = units / 10 ** (places + 1);
          const scaled = Math.abs(units);
          const expected =
            (Math.sign(units) * (Math.floor(scaled / 10) + (scaled % 10 >= 5 ? 1 : 0))) / 10 ** places;
          expect(roundDecimal(n, places, "half-away")).toBe(expected + 0);
        },
      ),
    );
  });
});
