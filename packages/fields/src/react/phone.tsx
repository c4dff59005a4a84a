import { Input } from "./plain-input";
import type { FieldInputProps } from "./types";

export function PhoneInput({ value, onChange, readOnly, inputId, invalid }: FieldInputProps<"phone">) {
  return (
    <Input
      id={inputId}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
      readOnly={readOnly}
      status={invalid ? "error" : undefined}
    />
  );
}
