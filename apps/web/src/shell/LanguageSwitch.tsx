import { GlobalOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../i18n/use-language";

/**
 * Switches between Chinese and English; the button names the language it switches to, in that
 * language, so someone who cannot read the current one still finds it. Remembered in this browser.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const other = language === "zh-CN" ? "en" : "zh-CN";
  return (
    <Tooltip title={t("language.label")}>
      <Button
        type="text"
        icon={<GlobalOutlined />}
        lang={other}
        onClick={() => setLanguage(other)}
        data-testid="language-switch"
      >
        {t(`language.${other}`)}
      </Button>
    </Tooltip>
  );
}
