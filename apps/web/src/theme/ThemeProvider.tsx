import { App as AntdApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useLanguage } from "../i18n/use-language";
import { theme } from "./theme";

const ANTD_LOCALES = { "zh-CN": zhCN, en: enUS } as const;

/** antd's theme and the locale of its built-in texts (pickers, pagination, empty states). */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider theme={theme} locale={ANTD_LOCALES[language]}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
