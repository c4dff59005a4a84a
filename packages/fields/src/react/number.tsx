import { NumberBox } from "./number-box";
import type { FieldInputProps } from "./types";

export function NumberInput({
  field,
  value,
  onChange,
  readOnly,
  inputId,
  invalid,
}: FieldInputProps<"number">) {
  return (
    <NumberBox
      settings={field}
      value={value}
      onChange={onChange}
      readOnly={readOnly}
      inputId={inputId}
      invalid={invalid}
    />
  );
}
