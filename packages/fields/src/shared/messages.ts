// Bilingual messages: every rule violation a user can see comes in both UI languages.
import type { Locale, LocalizedText } from "@formwork/schema";
import type { BilingualText } from "../types";

export type Message = BilingualText;

export interface ValueIssue {
  /** JSON pointer relative to the field's value ("" is the value itself). */
  path: string;
  message: Message;
}

export function message(zh: string, en: string): Message {
  return { "zh-CN": zh, en };
}

export function issue(path: string, zh: string, en: string): ValueIssue {
  return { path, message: message(zh, en) };
}

/** The text of a label in a locale, falling back to the other language, then to `fallback`. */
export function localize(text: LocalizedText | undefined, locale: Locale, fallback = ""): string {
  if (text === undefined) return fallback;
  if (typeof text === "string") return text;
  const other: Locale = locale === "en" ? "zh-CN" : "en";
  return text[locale] ?? text[other] ?? fallback;
}
