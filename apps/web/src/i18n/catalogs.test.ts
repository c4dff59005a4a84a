import { describe, expect, it } from "vitest";
import { loadEnglish, zhCN } from "./catalogs";
import { LAZY_TEXT_FEATURES, lazyCatalog } from "./lazy-texts";

const en = await loadEnglish();

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: unknown): string[] {
  return typeof text === "string" ? [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort() : [];
}

function lookup(catalog: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalog);
}

describe("translation catalogs", async () => {
  const lazy = await Promise.all(
    LAZY_TEXT_FEATURES.map(async (f) => [await lazyCatalog(f, "zh-CN"), await lazyCatalog(f, "en")] as const),
  );
  it("of lazily loaded features have the same keys in both languages and no namespace of the others", () => {
    for (const [zh, english] of lazy) {
      expect(keys(english).sort()).toEqual(keys(zh).sort());
      for (const namespace of Object.keys(zh ?? {})) expect(zhCN).not.toHaveProperty(namespace);
    }
  });

  it("have the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it("use the same interpolation placeholders in both languages", () => {
    for (const key of keys(zhCN)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)));
    }
  });

  it("have no empty texts", () => {
    for (const key of keys(zhCN)) expect(String(lookup(zhCN, key)).trim(), key).not.toBe("");
    for (const key of keys(en)) expect(String(lookup(en, key)).trim(), key).not.toBe("");
  });
});
