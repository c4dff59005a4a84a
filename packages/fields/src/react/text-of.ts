import type { Locale } from "@formwork/schema";

/** A short UI string of an input in both languages (this package has no i18next of its own). */
export function textOf(locale: Locale, zh: string, en: string): string {
  return locale === "en" ? en : zh;
}
