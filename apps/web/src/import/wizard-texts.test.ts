import { describe, expect, it } from "vitest";
import en from "./wizard-locales/en.json";
import zhCN from "./wizard-locales/zh-CN.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("import wizard texts", () => {
  it("say the same things in both languages", () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});
