import { Input, InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import styles from "../flows.module.css";
import { type DurationUnit, formatDuration, parseDuration } from "./duration";

const UNITS: DurationUnit[] = ["minutes", "hours", "days"];

/** An ISO 8601 duration as amount + unit; a hand-written one (P1DT2H) is edited as text. */
export function DurationInput({
  value,
  onChange,
  label,
}: {
  value: string | undefined;
  onChange: (iso: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const parsed = parseDuration(value);
  if (value && !parsed) {
    return <Input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
  }
  const current = parsed ?? { amount: 1, unit: "days" as const };
  return (
    <Space.Compact className={styles.grow}>
      <InputNumber
        aria-label={label}
        min={1}
        value={current.amount}
        onChange={(amount) => onChange(formatDuration({ ...current, amount: amount ?? 1 }))}
      />
      <Select
        className={styles.unitSelect}
        value={current.unit}
        options={UNITS.map((u) => ({ value: u, label: t(`flows.deadline.units.${u}`) }))}
        onChange={(unit: DurationUnit) => onChange(formatDuration({ ...current, unit }))}
      />
    </Space.Compact>
  );
}
