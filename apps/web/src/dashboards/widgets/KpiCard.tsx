import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Row } from "../charts/chart-option";
import styles from "../dashboards.module.css";

/** The measure in large type, and its change against the as-long period before (环比). */
export function KpiCard({ row, label }: { row: Row | undefined; label: string }) {
  const { t, i18n } = useTranslation();
  const format = (v: unknown) =>
    v === null || v === undefined
      ? "—"
      : Number(v).toLocaleString(i18n.language, { maximumFractionDigits: 2 });
  const current = row?.m0 ?? null;
  const previous = row?.p0;
  const change =
    previous !== undefined && previous !== null && Number(previous) !== 0
      ? (Number(current ?? 0) - Number(previous)) / Math.abs(Number(previous))
      : undefined;
  return (
    <div className={styles.kpi} data-testid="kpi">
      <div className={styles.kpiLabel}>{label}</div>
      <div className={styles.kpiValue} data-testid="kpi-value">
        {format(current)}
      </div>
      {previous !== undefined && (
        <div className={styles.kpiChange}>
          {change !== undefined && (
            <span className={change >= 0 ? styles.up : styles.down} data-testid="kpi-change">
              {change >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(change * 100).toFixed(1)}%
            </span>
          )}
          <span className={styles.kpiPrevious}>{t("dashboards.previous", { value: format(previous) })}</span>
        </div>
      )}
    </div>
  );
}
