import { Input } from "antd";
import type { FieldInputProps } from "./types";

export function TextareaInput({
  field,
  value,
  onChange,
  readOnly,
  inputId,
  invalid,
}: FieldInputProps<"textarea">) {
  return (
    <Input.TextArea
      id={inputId}
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
      readOnly={readOnly}
      maxLength={field.maxLength}
      autoSize={{ minRows: 2, maxRows: 8 }}
      status={invalid ? "error" : undefined}
    />
  );
}
