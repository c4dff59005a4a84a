import { DatePicker } from "antd";
import dayjs from "dayjs";
import type { FieldInputProps } from "./types";

/** Shown in the browser's zone, stored as a UTC instant. */
export function DatetimeInput({ value, onChange, readOnly, inputId, invalid }: FieldInputProps<"datetime">) {
  const parsed = typeof value === "string" ? dayjs(value) : null;
  return (
    <DatePicker
      id={inputId}
      showTime={{ format: "HH:mm" }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: "100%" }}
      value={parsed?.isValid() ? parsed : null}
      onChange={(next) => onChange(next ? next.second(0).millisecond(0).toISOString() : null)}
      disabled={readOnly}
      inputReadOnly
      status={invalid ? "error" : undefined}
    />
  );
}
