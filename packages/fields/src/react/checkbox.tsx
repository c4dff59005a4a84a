import { Checkbox } from "antd";
import { asStringList, optionList } from "./option-list";
import type { FieldInputProps } from "./types";

export function CheckboxInput({
  field,
  value,
  onChange,
  readOnly,
  inputId,
  locale,
}: FieldInputProps<"checkbox">) {
  return (
    <div id={inputId}>
      <Checkbox.Group
        options={optionList(field, locale)}
        value={asStringList(value)}
        onChange={(next) => onChange(next.length === 0 ? null : next)}
        disabled={readOnly}
      />
    </div>
  );
}
