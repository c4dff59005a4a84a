import type { LocalizedText } from "@formwork/schema";

/** A definition's label in the UI language, falling back to the other language, then to "". */
export function localize(text: LocalizedText | undefined, language: string): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  const preferred = language === "en" ? text.en : text["zh-CN"];
  return preferred ?? text["zh-CN"] ?? text.en ?? "";
}
