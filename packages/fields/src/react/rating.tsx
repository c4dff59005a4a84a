import { Rate } from "antd";
import type { FieldInputProps } from "./types";

export function RatingInput({ field, value, onChange, readOnly, inputId }: FieldInputProps<"rating">) {
  return (
    <Rate
      id={inputId}
      count={field.max ?? 5}
      value={typeof value === "number" ? value : 0}
      onChange={(next) => onChange(next === 0 ? null : next)}
      disabled={readOnly}
    />
  );
}
