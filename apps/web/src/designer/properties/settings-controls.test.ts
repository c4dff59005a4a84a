import { FIELD_TYPES } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { controlFor, settingControls } from "./settings-controls";

describe("settings schema → property panel", () => {
  it("maps the number settings", () => {
    expect(settingControls("number")).toEqual([
      { key: "min", kind: "number", integer: false },
      { key: "max", kind: "number", integer: false },
      { key: "precision", kind: "number", integer: true, min: 0, max: 10 },
      { key: "unit", kind: "text", maxLength: expect.any(Number) },
      { key: "percent", kind: "boolean" },
    ]);
  });

  it("gives option types the options editor and enums a choice", () => {
    expect(settingControls("select").map((c) => `${c.key}:${c.kind}`)).toEqual([
      "options:options",
      "allowOther:boolean",
      "minSelected:number",
      "maxSelected:number",
    ]);
    expect(settingControls("address")).toEqual([
      { key: "level", kind: "enum", values: ["province", "city", "district", "detail"] },
    ]);
  });

  it("edits localized text, string lists and anything else as JSON", () => {
    expect(controlFor("patternMessage", { type: ["string", "object"] }).kind).toBe("localized");
    expect(controlFor("accept", { type: "array", items: { type: "string" } }).kind).toBe("stringList");
    expect(controlFor("pattern", { type: "array", items: { type: "object" } }).kind).toBe("json");
    expect(controlFor("filter", { type: ["null", "boolean", "object"] }).kind).toBe("json");
  });

  it("leaves a sub-form's columns to the canvas and covers every type", () => {
    expect(settingControls("subform").map((c) => c.key)).not.toContain("fields");
    expect(settingControls("lookup").map((c) => c.key)).toContain("fields");
    for (const type of FIELD_TYPES) expect(() => settingControls(type)).not.toThrow();
  });
});
