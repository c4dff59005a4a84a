// Texts of features that load them with their own lazy chunk (catalogs.ts leaves them out of the first
// download): the feature awaits loadFeatureTexts before it renders, and a language chosen later gets
// the texts of every feature already in use (switchLanguage calls addFeatureTexts).
import { i18n } from "./i18n";

type Catalog = Record<string, unknown>;

/** Must match the exclusions of catalogs.ts. */
export const LAZY_TEXT_FEATURES = ["dashboards", "automations"] as const;
export type LazyTextFeature = (typeof LAZY_TEXT_FEATURES)[number];

const catalogs = import.meta.glob<Catalog>(
  ["../dashboards/locales/*.json", "../automations/locales/*.json"],
  {
    import: "default",
  },
);
const inUse = new Set<LazyTextFeature>();

export function lazyCatalog(feature: LazyTextFeature, language: string): Promise<Catalog> | undefined {
  return catalogs[`../${feature}/locales/${language}.json`]?.();
}

async function add(feature: LazyTextFeature, language: string): Promise<void> {
  const catalog = await lazyCatalog(feature, language);
  if (catalog) i18n.addResourceBundle(language, "translation", catalog, true, true);
}

export async function loadFeatureTexts(feature: LazyTextFeature): Promise<void> {
  inUse.add(feature);
  await add(feature, i18n.language);
}

export async function addFeatureTexts(language: string): Promise<void> {
  await Promise.all([...inUse].map((feature) => add(feature, language)));
}
