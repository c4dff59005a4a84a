import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

const field = {
  id: "c",
  type: "checkbox" as const,
  label: "C",
  options: [
    { value: "a", label: { "zh-CN": "甲", en: "Alpha" } },
    { value: "b", label: "乙" },
  ],
};

describe("checkbox", () => {
  it("maps labels in either language to values and removes repeats", () => {
    expect(fieldType.normalize(["Alpha", "甲", "b", "乙"], field)).toEqual(["a", "b"]);
  });

  it("formats option labels in the locale", () => {
    expect(fieldType.format(["a", "b"], field, "zh-CN")).toBe("甲、乙");
    expect(fieldType.format(["a", "b"], field, "en")).toBe("Alpha, 乙");
  });
});
