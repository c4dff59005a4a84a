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
  /** Group the digits in thousands (money: ¥ 49,800.00), except while the user types. */
  grouped?: boolean;
}

/** "49800.5" → "49,800.5": only the integer part is grouped. */
export function groupThousands(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** The number input number, money and column cells share. Percent fields are entered in percent. */
export function NumberBox({
  settings,
  value,
  onChange,
  readOnly,
  inputId,
  invalid,
  prefix,
  grouped,
}: NumberBoxProps) {
  const scale = settings.percent ? 100 : 1;
  const digits =
    settings.precision === undefined
      ? undefined
      : Math.max(0, settings.precision - (settings.percent ? 2 : 0));
  // A formatter replaces antd's own, which pads to the precision: pad here too (¥ 360.00, not ¥ 360).
  const fixed = (text: string) => {
    const number = Number(text);
    return text === "" || digits === undefined || !Number.isFinite(number) ? text : number.toFixed(digits);
  };
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
      precision={digits}
      prefix={prefix}
      suffix={settings.percent ? "%" : settings.unit}
      inputMode="decimal"
      {...(grouped
        ? {
            formatter: (shownValue, info) =>
              info.userTyping ? info.input : groupThousands(fixed(String(shownValue ?? ""))),
            // The parsed text goes on to antd's decimal parsing, which takes a string.
            parser: (text) => (text ?? "").replace(/,/g, "") as unknown as number,
          }
        : {})}
      status={invalid ? "error" : undefined}
    />
  );
}
