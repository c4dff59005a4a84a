import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { OptionItem } from "@formwork/schema";
import { Button, Input } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { nextFieldId } from "../state/field-ids";
import { optionLabel } from "../state/new-field";

/** Options of a choice field: label in the UI language, stored value, order; add and remove. */
export function OptionsEditor({
  value,
  onChange,
}: {
  value: OptionItem[];
  onChange: (value: OptionItem[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "zh-CN";
  const set = (index: number, patch: Partial<OptionItem>) =>
    onChange(value.map((option, i) => (i === index ? { ...option, ...patch } : option)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange(next);
  };
  const rename = (option: OptionItem, text: string) => {
    const label = typeof option.label === "object" ? { ...option.label, [locale]: text } : { [locale]: text };
    return label;
  };
  const add = () => {
    const n = value.length + 1;
    onChange([
      ...value,
      {
        value: nextFieldId(
          "option",
          value.map((o) => o.value),
        ),
        label: optionLabel(n),
      },
    ]);
  };
  const duplicates = new Set(value.map((o) => o.value).filter((v, i, all) => all.indexOf(v) !== i));
  return (
    <div className={styles.optionsEditor}>
      {value.map((option, index) => (
        <div key={index} className={styles.optionRow}>
          <Input
            size="small"
            value={localize(option.label, i18n.language)}
            aria-label={t("designer.options.label", { n: index + 1 })}
            onChange={(event) => set(index, { label: rename(option, event.target.value) })}
          />
          <Input
            size="small"
            value={option.value}
            status={option.value === "" || duplicates.has(option.value) ? "error" : undefined}
            aria-label={t("designer.options.value", { n: index + 1 })}
            className={styles.optionValue}
            onChange={(event) => set(index, { value: event.target.value })}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            aria-label={t("designer.options.up")}
            onClick={() => move(index, -1)}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === value.length - 1}
            aria-label={t("designer.options.down")}
            onClick={() => move(index, 1)}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t("designer.options.remove")}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      {duplicates.size > 0 ? (
        <div className={styles.inlineError}>{t("designer.options.duplicate")}</div>
      ) : null}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={add} block>
        {t("designer.options.add")}
      </Button>
    </div>
  );
}
