import { Select } from "antd";
import { asStringList, optionList } from "./option-list";
import type { FieldInputProps } from "./types";

export function MultiselectInput({
  field,
  value,
  onChange,
  readOnly,
  inputId,
  locale,
  invalid,
}: FieldInputProps<"multiselect">) {
  return (
    <Select
      id={inputId}
      mode="multiple"
      style={{ width: "100%" }}
      options={optionList(field, locale)}
      value={asStringList(value)}
      onChange={(next: string[]) => onChange(next.length === 0 ? null : next)}
      maxCount={field.maxSelected}
      showSearch={{ optionFilterProp: "label" }}
      disabled={readOnly}
      status={invalid ? "error" : undefined}
    />
  );
}
