import type { LocalizedText } from "@formwork/schema";
import { Input } from "antd";
import { useTranslation } from "react-i18next";
import styles from "../designer.module.css";

function part(text: LocalizedText | undefined, locale: "zh-CN" | "en"): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text[locale] ?? "";
}

/** Both languages of a label side by side; an all-empty text becomes undefined (the key is removed). */
export function LocalizedInput({
  value,
  onChange,
  multiline,
  id,
}: {
  value: LocalizedText | undefined;
  onChange: (value: LocalizedText | undefined) => void;
  multiline?: boolean;
  id?: string;
}) {
  const { t } = useTranslation();
  const change = (locale: "zh-CN" | "en", text: string) => {
    const next = { "zh-CN": part(value, "zh-CN"), en: part(value, "en"), [locale]: text };
    const cleaned = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== ""));
    onChange(Object.keys(cleaned).length === 0 ? undefined : cleaned);
  };
  return (
    <div className={styles.localized}>
      {(["zh-CN", "en"] as const).map((locale) =>
        multiline ? (
          <Input.TextArea
            key={locale}
            id={id ? `${id}-${locale}` : undefined}
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={part(value, locale)}
            placeholder={t(`designer.locale.${locale}`)}
            aria-label={t(`designer.locale.${locale}`)}
            onChange={(event) => change(locale, event.target.value)}
          />
        ) : (
          <Input
            key={locale}
            id={id ? `${id}-${locale}` : undefined}
            value={part(value, locale)}
            prefix={<span className={styles.localeTag}>{t(`designer.locale.${locale}`)}</span>}
            aria-label={t(`designer.locale.${locale}`)}
            onChange={(event) => change(locale, event.target.value)}
          />
        ),
      )}
    </div>
  );
}
