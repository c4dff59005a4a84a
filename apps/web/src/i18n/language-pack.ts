import { antdLocale, loadAntdLocale } from "./antd-locales";
import { loadEnglish } from "./catalogs";
import { i18n } from "./i18n";
import type { Language } from "./languages";

/**
 * Makes a language's texts available, then switches to it. Loading can fail (offline, a deploy
 * replaced the chunks): the UI then stays in the language it has, which is better than showing keys.
 */
export async function switchLanguage(language: Language): Promise<void> {
  try {
    if (!i18n.hasResourceBundle(language, "translation")) {
      const [catalog] = await Promise.all([loadEnglish(), loadAntdLocale(language)]);
      i18n.addResourceBundle(language, "translation", catalog, true, true);
    }
    await i18n.changeLanguage(language);
  } catch (error) {
    console.warn(`could not load the ${language} texts`, error);
  }
}

export { antdLocale };
