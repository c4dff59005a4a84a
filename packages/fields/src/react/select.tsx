import { Select } from "antd";
import { optionList } from "./option-list";
import type { FieldInputProps } from "./types";

export function SelectInput({
  field,
  value,
  onChange,
  readOnly,
  inputId,
  locale,
  invalid,
}: FieldInputProps<"select">) {
  return (
    <Select
      id={inputId}
      style={{ width: "100%" }}
      options={optionList(field, locale)}
      value={typeof value === "string" ? value : null}
      onChange={(next) => onChange(next ?? null)}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      disabled={readOnly}
      status={invalid ? "error" : undefined}
    />
  );
}
