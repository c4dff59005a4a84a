import { Input } from "./plain-input";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";

/** A total over other records, computed by the server when the record is saved. */
export function AggregateInput({ field, value, locale, inputId }: FieldInputProps<"aggregate">) {
  const shown =
    typeof value === "number" && Number.isFinite(value)
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: field.precision ?? 20 }).format(value)
      : "";
  return (
    <Input
      id={inputId}
      readOnly
      variant="filled"
      value={shown}
      placeholder={textOf(locale, "保存后计算", "Calculated on save")}
    />
  );
}
