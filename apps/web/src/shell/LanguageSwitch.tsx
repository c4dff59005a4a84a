import { GlobalOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../i18n/languages";
import { useLanguage } from "../i18n/use-language";

/** Chinese / English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((code) => ({ key: code, label: t(`language.${code}`) })),
        onClick: ({ key }) => setLanguage(key as (typeof LANGUAGES)[number]),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t("language.label")}
        data-testid="language-switch"
      >
        {t(`language.${language}`)}
      </Button>
    </Dropdown>
  );
}
