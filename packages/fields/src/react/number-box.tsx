import type { NumberSettings } from "@formwork/schema";
import { InputNumber } from "antd";

interface NumberBoxProps {
  settings: NumberSettings;
  value: unknown;
  onChange(value: unknown): void;
  readOnly: boolean;
  inputId: string;
  invalid: boolean;
  prefix?: string;
}

/** The number input number, money and column cells share. Percent fields are entered in percent. */
export function NumberBox({ settings, value, onChange, readOnly, inputId, invalid, prefix }: NumberBoxProps) {
  const scale = settings.percent ? 100 : 1;
  const shown = typeof value === "number" && Number.isFinite(value) ? value * scale : null;
  return (
    <InputNumber<number>
      id={inputId}
      style={{ width: "100%" }}
      value={shown}
      onChange={(next) => onChange(typeof next === "number" ? next / scale : null)}
      readOnly={readOnly}
      // Computed and read-only numbers look filled in, not like a box waiting for input.
      variant={readOnly ? "filled" : undefined}
      precision={
        settings.precision === undefined
          ? undefined
          : Math.max(0, settings.precision - (settings.percent ? 2 : 0))
      }
      prefix={prefix}
      suffix={settings.percent ? "%" : settings.unit}
      inputMode="decimal"
      status={invalid ? "error" : undefined}
    />
  );
}
