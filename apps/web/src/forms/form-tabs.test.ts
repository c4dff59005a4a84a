import { describe, expect, it } from "vitest";
import { isFormTab, landingTab, visibleTabs } from "./form-tabs";

const rights = (actions: string[], manage = false) => ({
  actions,
  canDesign: manage,
  canManagePermissions: manage,
});

describe("form tabs", () => {
  it("before the rights arrive: design, permissions and share for administrators only", () => {
    expect(visibleTabs({ isAdmin: true })).toEqual(["fill", "data", "design", "permissions", "share"]);
    expect(visibleTabs({ isAdmin: false })).toEqual([]);
  });

  it("follows the user's rights on the form", () => {
    expect(visibleTabs(rights(["create"]))).toEqual(["fill"]);
    expect(visibleTabs(rights(["view"]))).toEqual(["data"]);
    expect(visibleTabs(rights(["create", "view", "edit", "delete"]))).toEqual(["fill", "data"]);
    expect(visibleTabs(rights([], true))).toEqual(["design", "permissions", "share"]);
    expect(visibleTabs(rights([]))).toEqual([]);
  });

  it("opens unpublished forms in the designer for its designers, else fill, else data", () => {
    expect(landingTab({ isAdmin: true }, { publishedVersion: 0 })).toBe("design");
    expect(landingTab({ isAdmin: true }, { publishedVersion: 2 })).toBe("fill");
    expect(landingTab({ isAdmin: false }, { publishedVersion: 0 })).toBe("fill");
    expect(landingTab(rights(["view"]), { publishedVersion: 1 })).toBe("data");
    expect(landingTab(rights(["view", "create"], true), { publishedVersion: 0 })).toBe("design");
  });

  it("recognises tab names", () => {
    expect(isFormTab("data")).toBe(true);
    expect(isFormTab("permissions")).toBe(true);
    expect(isFormTab("settings")).toBe(false);
    expect(isFormTab(undefined)).toBe(false);
  });
});
