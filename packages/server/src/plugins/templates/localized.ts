import type { Locale, LocalizedText } from "@formwork/schema";

/** A bundle's text in the install's locale (Chinese, then English, when it lacks that one). */
export function localized(text: LocalizedText, locale: Locale): string {
  if (typeof text === "string") return text;
  return text[locale] ?? text["zh-CN"] ?? text.en ?? "";
}
