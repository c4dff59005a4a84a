import { Input } from "./plain-input";
import type { FieldInputProps } from "./types";

export function EmailInput({ value, onChange, readOnly, inputId, invalid }: FieldInputProps<"email">) {
  return (
    <Input
      id={inputId}
      type="email"
      inputMode="email"
      autoComplete="email"
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
      readOnly={readOnly}
      status={invalid ? "error" : undefined}
    />
  );
}
