import { DatePicker } from "antd";
import dayjs from "dayjs";
import type { FieldInputProps } from "./types";

const DATE = "YYYY-MM-DD";

export function DateInput({ field, value, onChange, readOnly, inputId, invalid }: FieldInputProps<"date">) {
  const parsed = typeof value === "string" ? dayjs(value, DATE) : null;
  return (
    <DatePicker
      id={inputId}
      style={{ width: "100%" }}
      value={parsed?.isValid() ? parsed : null}
      onChange={(next) => onChange(next ? next.format(DATE) : null)}
      disabled={readOnly}
      minDate={field.min ? dayjs(field.min, DATE) : undefined}
      maxDate={field.max ? dayjs(field.max, DATE) : undefined}
      inputReadOnly
      status={invalid ? "error" : undefined}
    />
  );
}
