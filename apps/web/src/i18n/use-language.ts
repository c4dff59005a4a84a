import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { browserStorage } from "./i18n";
import { switchLanguage } from "./language-pack";
import { DEFAULT_LANGUAGE, isLanguage, type Language, storeLanguage } from "./languages";

/** The current UI language and a setter that also remembers the choice for the next visit. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const setLanguage = useCallback((language: Language) => {
    storeLanguage(browserStorage, language);
    void switchLanguage(language);
  }, []);
  return [current, setLanguage];
}
