// The translation catalogs: the shell's own (./zh-CN.json, ./en.json) plus one pair per feature folder
// (`src/<feature>/locales/{zh-CN,en}.json`), each under its own top-level namespace. Features bring
// their texts with them, so adding one never edits a shared file.
import shellEn from "./en.json";
import shellZhCN from "./zh-CN.json";

type Catalog = Record<string, unknown>;

const featureZhCN = import.meta.glob<Catalog>("../*/locales/zh-CN.json", { eager: true, import: "default" });
const featureEn = import.meta.glob<Catalog>("../*/locales/en.json", { eager: true, import: "default" });

function merge(shell: Catalog, features: Record<string, Catalog>): Catalog {
  const merged: Catalog = { ...shell };
  for (const [path, catalog] of Object.entries(features)) {
    for (const [namespace, texts] of Object.entries(catalog)) {
      // Two features claiming one namespace would silently hide each other's texts.
      if (namespace in merged)
        throw new Error(`translation namespace "${namespace}" is defined twice (${path})`);
      merged[namespace] = texts;
    }
  }
  return merged;
}

export const zhCN = merge(shellZhCN, featureZhCN) as typeof shellZhCN & Catalog;
export const en = merge(shellEn, featureEn) as typeof shellEn & Catalog;
