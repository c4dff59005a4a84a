import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { zhCN } from "./catalogs";
import { DEFAULT_LANGUAGE } from "./languages";

const browserStorage = typeof localStorage === "undefined" ? undefined : localStorage;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  // Other languages are added by switchLanguage (language-pack.ts) when chosen; main.tsx applies the
  // stored choice before the first render.
  resources: { "zh-CN": { translation: zhCN } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  // React escapes what it renders; escaping here too would show &quot; in the UI.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { browserStorage };

// Screen readers and CJK line breaking follow the page's lang attribute.
function reflectLanguage(language: string) {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}
reflectLanguage(i18n.language);
i18n.on("languageChanged", reflectLanguage);
