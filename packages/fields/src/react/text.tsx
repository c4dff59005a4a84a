import { Input } from "./plain-input";
import type { FieldInputProps } from "./types";

export function TextInput({ field, value, onChange, readOnly, inputId, invalid }: FieldInputProps<"text">) {
  return (
    <Input
      id={inputId}
      value={typeof value === "string" ? value : value == null ? "" : String(value)}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
      readOnly={readOnly}
      maxLength={field.maxLength}
      status={invalid ? "error" : undefined}
    />
  );
}
