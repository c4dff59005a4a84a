import { describe, expect, it } from "vitest";
import { isIsoDuration } from "./duration";

describe("isIsoDuration", () => {
  it.each(["P2D", "PT4H", "P1W", "P1Y2M3DT4H5M6S", "PT0.5S", "P0D"])("accepts %s", (text) => {
    expect(isIsoDuration(text)).toBe(true);
  });
  it.each(["", "P", "PT", "2D", "P2", "P1DT", "p2d", "P-1D", "PT4H ", "P1.5D"])("rejects %j", (text) => {
    expect(isIsoDuration(text)).toBe(false);
  });
});
