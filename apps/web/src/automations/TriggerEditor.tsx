import type { AutomationTrigger, FieldDefinition } from "@formwork/schema";
import { Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../common/localized-text";
import { blankTrigger, DATE_TYPES, TRIGGER_CHOICES } from "./automation-model";
import styles from "./automations.module.css";

interface Props {
  trigger: AutomationTrigger;
  fields: FieldDefinition[];
  onChange: (trigger: AutomationTrigger) => void;
}

/** When the automation runs: the kind of change or time, and its settings. */
export function TriggerEditor({ trigger, fields, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const label = (f: FieldDefinition) => localize(f.label, i18n.language);
  const time = (value: string, set: (time: string) => void) => (
    <Input
      type="time"
      style={{ width: 120 }}
      value={value}
      onChange={(event) => event.target.value && set(event.target.value.slice(0, 5))}
      aria-label={t("automations.time")}
      data-testid="automation-time"
    />
  );
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <span className={styles.label}>{t("automations.triggerType")}</span>
        <Select
          aria-label={t("automations.triggerType")}
          className={styles.grow}
          value={trigger.type}
          data-testid="automation-trigger-type"
          options={TRIGGER_CHOICES.map((type) => ({ value: type, label: t(`automations.triggers.${type}`) }))}
          onChange={(type) => onChange(blankTrigger(type))}
        />
      </div>
      {trigger.type === "recordUpdated" && (
        <div className={styles.row}>
          <span className={styles.label}>{t("automations.watchedFields")}</span>
          <Select
            aria-label={t("automations.watchedFields")}
            mode="multiple"
            className={styles.grow}
            value={trigger.fields ?? []}
            options={fields.map((f) => ({ value: f.id, label: label(f) }))}
            onChange={(ids: string[]) => onChange({ ...trigger, fields: ids })}
          />
        </div>
      )}
      {trigger.type === "schedule" && (
        <div className={styles.row}>
          <span className={styles.label}>{t("automations.frequency")}</span>
          <Select
            aria-label={t("automations.frequency")}
            value={trigger.frequency}
            style={{ minWidth: 100 }}
            options={(["daily", "weekly", "monthly"] as const).map((f) => ({
              value: f,
              label: t(`automations.frequencies.${f}`),
            }))}
            onChange={(frequency) =>
              onChange({
                type: "schedule",
                frequency,
                time: trigger.time,
                ...(frequency === "weekly" ? { weekday: 1 } : {}),
                ...(frequency === "monthly" ? { monthDay: 1 } : {}),
              })
            }
          />
          {trigger.frequency === "weekly" && (
            <Select
              aria-label={t("automations.weekday")}
              value={trigger.weekday ?? 1}
              style={{ minWidth: 90 }}
              options={[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
                value: weekday,
                // 2024-01-01 was a Monday: the locale names the weekday, no catalog needed.
                label: new Intl.DateTimeFormat(i18n.language, { weekday: "short" }).format(
                  new Date(2024, 0, weekday),
                ),
              }))}
              onChange={(weekday: number) => onChange({ ...trigger, weekday })}
            />
          )}
          {trigger.frequency === "monthly" && (
            <InputNumber
              aria-label={t("automations.monthDay")}
              min={1}
              max={31}
              value={trigger.monthDay ?? 1}
              onChange={(day) => onChange({ ...trigger, monthDay: day ?? 1 })}
            />
          )}
          {time(trigger.time, (value) => onChange({ ...trigger, time: value }))}
        </div>
      )}
      {trigger.type === "dateField" && (
        <div className={styles.row}>
          <span className={styles.label}>{t("automations.dateField")}</span>
          <Select
            aria-label={t("automations.dateField")}
            style={{ minWidth: 140 }}
            value={trigger.field || undefined}
            options={fields
              .filter((f) => DATE_TYPES.has(f.type))
              .map((f) => ({ value: f.id, label: label(f) }))}
            onChange={(field: string) => onChange({ ...trigger, field })}
          />
          <InputNumber
            aria-label={t("automations.offsetDays")}
            title={t("automations.offsetDays")}
            min={-366}
            max={366}
            value={trigger.offsetDays}
            onChange={(days) => onChange({ ...trigger, offsetDays: days ?? 0 })}
          />
          {time(trigger.time, (value) => onChange({ ...trigger, time: value }))}
        </div>
      )}
    </div>
  );
}
