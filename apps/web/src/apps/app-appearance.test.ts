import { describe, expect, it } from "vitest";
import { APP_COLOURS } from "../theme/theme";
import { appAppearance } from "./app-appearance";

describe("appAppearance", () => {
  it("is stable for an app and drawn from the palette", () => {
    const a = appAppearance({ id: "0190a1b2-0000-7000-8000-000000000001", name: "CRM" });
    expect(appAppearance({ id: "0190a1b2-0000-7000-8000-000000000001", name: "Other" }).colour).toBe(
      a.colour,
    );
    expect(APP_COLOURS).toContain(a.colour);
  });

  it("spreads different ids over several colours", () => {
    const colours = new Set(
      Array.from({ length: 50 }, (_, i) => appAppearance({ id: `app-${i}`, name: "x" }).colour),
    );
    expect(colours.size).toBeGreaterThan(5);
  });

  it("takes the first whole character of the name", () => {
    expect(appAppearance({ id: "1", name: "  客户管理" }).initial).toBe("客");
    expect(appAppearance({ id: "1", name: "crm" }).initial).toBe("C");
    expect(appAppearance({ id: "1", name: "😀 fun" }).initial).toBe("😀");
    expect(appAppearance({ id: "1", name: "   " }).initial).toBe("?");
  });
});

describe("appAppearance with a chosen look", () => {
  it("uses the stored colour and a known icon, and ignores an unknown icon", () => {
    const look = appAppearance({ id: "1", name: "CRM", icon: "customer", colour: "#14b8a6" });
    expect(look).toEqual({ colour: "#14b8a6", initial: "C", icon: "customer" });
    expect(appAppearance({ id: "1", name: "CRM", icon: "retired-icon", colour: null }).icon).toBeUndefined();
  });
});
