import { describe, expect, it } from "vitest";
import { isFormTab, landingTab, visibleTabs } from "./form-tabs";

describe("form tabs", () => {
  it("shows design to administrators only", () => {
    expect(visibleTabs({ isAdmin: true })).toEqual(["fill", "data", "design"]);
    expect(visibleTabs({ isAdmin: false })).toEqual(["fill", "data"]);
  });

  it("opens unpublished forms in the designer for administrators, else in fill", () => {
    expect(landingTab({ isAdmin: true }, { publishedVersion: 0 })).toBe("design");
    expect(landingTab({ isAdmin: true }, { publishedVersion: 2 })).toBe("fill");
    expect(landingTab({ isAdmin: false }, { publishedVersion: 0 })).toBe("fill");
  });

  it("recognises tab names", () => {
    expect(isFormTab("data")).toBe(true);
    expect(isFormTab("settings")).toBe(false);
    expect(isFormTab(undefined)).toBe(false);
  });
});
