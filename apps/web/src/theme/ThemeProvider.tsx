import { App as AntdApp, ConfigProvider } from "antd";
import type { ReactNode } from "react";
import { antdLocale } from "../i18n/language-pack";
import { useLanguage } from "../i18n/use-language";
import { HEADER_HEIGHT, theme } from "./theme";

/** antd's theme, the locale of its built-in texts (pickers, pagination, empty states) and toasts. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider theme={theme} locale={antdLocale(language)}>
      {/* Toasts appear below the header so they never cover its buttons (on a phone they would). */}
      <AntdApp message={{ top: HEADER_HEIGHT + 8, maxCount: 3 }}>{children}</AntdApp>
    </ConfigProvider>
  );
}
