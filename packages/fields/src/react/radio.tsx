import { Radio } from "antd";
import { optionList } from "./option-list";
import type { FieldInputProps } from "./types";

export function RadioInput({ field, value, onChange, readOnly, inputId, locale }: FieldInputProps<"radio">) {
  return (
    <Radio.Group
      id={inputId}
      options={optionList(field, locale)}
      value={typeof value === "string" ? value : null}
      onChange={(e) => onChange(e.target.value)}
      disabled={readOnly}
    />
  );
}
