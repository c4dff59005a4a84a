import type { FormRecord } from "@formwork/client";
import type { Locale } from "@formwork/schema";
import { Descriptions } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../common/localized-text";
import styles from "./data.module.css";
import { cellText, type GridColumn } from "./record-columns";
import { useOrgNames } from "./use-org-names";

/** Every stored field of the record, formatted as the grid formats it, then who and when. */
export function RecordDetails({ record, columns }: { record: FormRecord; columns: GridColumn[] }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const records = useMemo(() => [record], [record]);
  const names = useOrgNames(records, columns);
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      className={styles.details}
      data-testid="record-details"
      items={columns.map((column) => {
        const text = cellText(record, column, locale, names);
        return {
          key: column.id,
          label: column.field
            ? localize(column.field.label, i18n.language)
            : t(`data.system.${column.id.slice(1)}`),
          children: text === "" ? <span className={styles.muted}>{t("data.blank")}</span> : text,
        };
      })}
    />
  );
}
