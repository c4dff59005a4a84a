// antd's built-in texts (pickers, pagination, empty states) per UI language. Chinese ships with the
// first page like the Chinese catalog; English arrives with the English catalog (see language-pack.ts).
import zhCN from "antd/locale/zh_CN";
import type { Language } from "./languages";

type AntdLocale = typeof zhCN;

const loaded: Partial<Record<Language, AntdLocale>> = { "zh-CN": zhCN };

export function antdLocale(language: Language): AntdLocale {
  return loaded[language] ?? zhCN;
}

export async function loadAntdLocale(language: Language): Promise<void> {
  if (language === "en" && !loaded.en) loaded.en = (await import("antd/locale/en_US")).default;
}
