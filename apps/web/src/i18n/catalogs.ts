// The translation catalogs: the shell's own (./zh-CN.json, ./en.json) plus one pair per feature folder
// (`src/<feature>/locales/{zh-CN,en}.json`), each under its own top-level namespace. Features bring
// their texts with them, so adding one never edits a shared file.
//
// Chinese is the default language and ships with the first page; English is fetched when someone
// chooses it (or chose it on an earlier visit), so most first visits never download it.
import shellZhCN from "./zh-CN.json";

type Catalog = Record<string, unknown>;
export type FullCatalog = typeof shellZhCN & Catalog;

// Features in LAZY_TEXT_FEATURES (./lazy-texts.ts) bring their texts with their own lazy chunk instead:
// the first download of every page (the fill page's is at its budget) does not carry them.
// (import.meta.glob takes literals only: the exclusion is spelled out in both.)
const featureZhCN = import.meta.glob<Catalog>(
  [
    "../*/locales/zh-CN.json",
    "!../{dashboards,automations,comments,data,designer,flows,templates,print,flow-admin,webhooks}/locales/*",
  ],
  { eager: true, import: "default" },
);
const featureEn = import.meta.glob<Catalog>(
  [
    "../*/locales/en.json",
    "!../{dashboards,automations,comments,data,designer,flows,templates,print,flow-admin,webhooks}/locales/*",
  ],
  { import: "default" },
);

function merge(shell: Catalog, features: Record<string, Catalog>): FullCatalog {
  const merged: Catalog = { ...shell };
  for (const [path, catalog] of Object.entries(features)) {
    for (const [namespace, texts] of Object.entries(catalog)) {
      // Two features claiming one namespace would silently hide each other's texts.
      if (namespace in merged)
        throw new Error(`translation namespace "${namespace}" is defined twice (${path})`);
      merged[namespace] = texts;
    }
  }
  return merged as FullCatalog;
}

export const zhCN: FullCatalog = merge(shellZhCN, featureZhCN);

export async function loadEnglish(): Promise<FullCatalog> {
  const [shell, features] = await Promise.all([
    import("./en.json").then((module) => module.default as Catalog),
    Promise.all(Object.entries(featureEn).map(async ([path, load]) => [path, await load()] as const)),
  ]);
  return merge(shell, Object.fromEntries(features));
}
