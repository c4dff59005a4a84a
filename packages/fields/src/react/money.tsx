import { NumberBox } from "./number-box";
import type { FieldInputProps } from "./types";

const SYMBOLS: Record<string, string> = { CNY: "¥", USD: "$", EUR: "€", GBP: "£", JPY: "¥", HKD: "HK$" };

export function MoneyInput({ field, value, onChange, readOnly, inputId, invalid }: FieldInputProps<"money">) {
  const currency = field.currency ?? "CNY";
  return (
    <NumberBox
      settings={{ ...field, precision: field.precision ?? 2 }}
      value={value}
      onChange={onChange}
      readOnly={readOnly}
      inputId={inputId}
      invalid={invalid}
      prefix={SYMBOLS[currency] ?? currency}
      grouped
    />
  );
}
