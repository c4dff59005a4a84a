// Texts of features that load them with their own lazy chunk (catalogs.ts leaves them out of the first
// download, whose fill page is at its budget). Only those chunks import this module: the feature awaits
// loadFeatureTexts before it renders, and when the language changes later its texts follow (the
// language is then applied once more, so react-i18next renders them).
import { getI18n } from "react-i18next";

// The instance initReactI18next registered (./i18n.ts): importing that module here would split the
// i18n setup out of the shared client chunk of the first download.
const i18n = () => getI18n();

type Catalog = Record<string, unknown>;

/**
 * Must match the exclusions of catalogs.ts. Besides the pages of their own (dashboards, automations,
 * templates, webhooks, print): the texts of comments, saved views and org names (data), formula issues
 * (designer) and flows, shown only by the data, design and task pages, which load them with their route
 * (app/router.tsx), and the flow administration bar, which only admins see; the shell and the fill page
 * use none.
 */
export const LAZY_TEXT_FEATURES = [
  "dashboards",
  "automations",
  "comments",
  "data",
  "designer",
  "flows",
  "templates",
  "webhooks",
  "print",
  "flow-admin",
] as const;
export type LazyTextFeature = (typeof LAZY_TEXT_FEATURES)[number];

const catalogs = import.meta.glob<Catalog>(
  "../{dashboards,automations,comments,data,designer,flows,templates,webhooks,print,flow-admin}/locales/*.json",
  {
    import: "default",
  },
);
const inUse = new Set<LazyTextFeature>();

export function lazyCatalog(feature: LazyTextFeature, language: string): Promise<Catalog> | undefined {
  return catalogs[`../${feature}/locales/${language}.json`]?.();
}

// Which catalogs were added, by "language/feature". Not probed through i18n.exists(feature): a folder's
// namespaces need not be named after it (designer/ holds formulaIssues, data/ holds views and orgNames),
// and the shell's own catalog has "designer" and "data" namespaces, so the probe skipped both.
const added = new Set<string>();

/** Adds the feature's texts in `language`; true when they were missing. */
async function add(feature: LazyTextFeature, language: string): Promise<boolean> {
  const key = `${language}/${feature}`;
  if (added.has(key)) return false;
  const catalog = await lazyCatalog(feature, language);
  if (!catalog || added.has(key)) return false;
  i18n().addResourceBundle(language, "translation", catalog, true, true);
  added.add(key);
  return true;
}

let following = false;
function followLanguage(): void {
  if (following) return;
  following = true;
  i18n().on("languageChanged", (language) => {
    void Promise.all([...inUse].map((feature) => add(feature, language))).then((added) => {
      if (added.some(Boolean) && i18n().language === language) void i18n().changeLanguage(language);
    });
  });
}

export async function loadFeatureTexts(feature: LazyTextFeature): Promise<void> {
  inUse.add(feature);
  followLanguage();
  await add(feature, i18n().language);
}
