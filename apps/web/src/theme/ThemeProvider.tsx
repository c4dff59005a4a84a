import { App as AntdApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useLanguage } from "../i18n/use-language";
import { HEADER_HEIGHT, theme } from "./theme";

const ANTD_LOCALES = { "zh-CN": zhCN, en: enUS } as const;

/** antd's theme, the locale of its built-in texts (pickers, pagination, empty states) and toasts. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider theme={theme} locale={ANTD_LOCALES[language]}>
      {/* Toasts appear below the header so they never cover its buttons (on a phone they would). */}
      <AntdApp message={{ top: HEADER_HEIGHT + 8, maxCount: 3 }}>{children}</AntdApp>
    </ConfigProvider>
  );
}
