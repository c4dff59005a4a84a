import { Input } from "./plain-input";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";

/** The number the server gives the record when it is saved; nobody types it. */
export function SerialInput({ value, locale, inputId }: FieldInputProps<"serial">) {
  return (
    <Input
      id={inputId}
      readOnly
      variant="filled"
      value={typeof value === "string" ? value : ""}
      placeholder={textOf(locale, "提交后自动生成", "Generated on submit")}
    />
  );
}
