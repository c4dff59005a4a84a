import { type DefaultMode, fieldTypes } from "@formwork/fields";
import type { DefaultValue, FieldType } from "@formwork/schema";
import { Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import styles from "../designer.module.css";
import { JsonInput } from "./JsonInput";

function modeOf(value: DefaultValue | undefined): DefaultMode | undefined {
  if (!value) return undefined;
  return Object.keys(value)[0] as DefaultMode;
}

function initial(mode: DefaultMode): DefaultValue {
  switch (mode) {
    case "value":
      return { value: null };
    case "formula":
      return { formula: "" };
    case "currentUser":
      return { currentUser: true };
    case "currentDept":
      return { currentDept: true };
    case "today":
      return { today: true };
    case "now":
      return { now: true };
    case "linkage":
      return { linkage: { form: "", match: [], take: "" } };
  }
}

const NUMERIC = new Set(["number", "money", "rating"]);

/** The default: a mode from the type's `defaultModes`, then what that mode needs. */
export function DefaultValueInput({
  type,
  value: current,
  onChange,
}: {
  type: FieldType;
  value: DefaultValue | undefined;
  onChange: (value: DefaultValue | undefined) => void;
}) {
  const { t } = useTranslation();
  const modes = fieldTypes[type].defaultModes;
  const mode = modeOf(current);
  return (
    <div className={styles.stack}>
      <Select
        id="prop-default-mode"
        allowClear
        placeholder={t("designer.props.noDefault")}
        value={mode}
        options={modes.map((m) => ({ value: m, label: t(`designer.defaultMode.${m}`) }))}
        onChange={(next: DefaultMode | undefined) => onChange(next ? initial(next) : undefined)}
      />
      {current && "value" in current ? (
        NUMERIC.has(type) ? (
          <InputNumber
            style={{ width: "100%" }}
            value={typeof current.value === "number" ? current.value : null}
            onChange={(next) => onChange({ value: next })}
          />
        ) : typeof current.value === "string" || current.value === null ? (
          <Input
            value={(current.value as string | null) ?? ""}
            onChange={(event) => onChange({ value: event.target.value })}
          />
        ) : (
          <JsonInput value={current.value} onChange={(next) => onChange({ value: next })} />
        )
      ) : null}
      {current && "formula" in current ? (
        <Input
          className={styles.code}
          value={current.formula}
          onChange={(event) => onChange({ formula: event.target.value })}
        />
      ) : null}
      {current && "linkage" in current ? (
        <JsonInput
          value={current.linkage}
          onChange={(next) => onChange(next === undefined ? undefined : ({ linkage: next } as DefaultValue))}
        />
      ) : null}
    </div>
  );
}
