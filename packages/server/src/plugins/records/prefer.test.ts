import { describe, expect, it } from "vitest";
import { prefersMinimal } from "./prefer";

describe("prefersMinimal", () => {
  it("finds return=minimal among other preferences, in any case and spacing", () => {
    expect(prefersMinimal("return=minimal")).toBe(true);
    expect(prefersMinimal("respond-async, return = Minimal; foo=bar")).toBe(true);
    expect(prefersMinimal(["wait=5", "return=minimal"])).toBe(true);
  });
  it("keeps whole records otherwise", () => {
    expect(prefersMinimal(undefined)).toBe(false);
    expect(prefersMinimal("")).toBe(false);
    expect(prefersMinimal("return=representation")).toBe(false);
    expect(prefersMinimal("return=minimalist")).toBe(false);
    expect(prefersMinimal("x-return=minimal")).toBe(false);
  });
});
