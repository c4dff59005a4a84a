import { Input } from "antd";
import { fieldTypes } from "../registry";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";

/** A total over other records, computed by the server when the record is saved. */
export function AggregateInput({ field, value, locale, inputId }: FieldInputProps<"aggregate">) {
  return (
    <Input
      id={inputId}
      readOnly
      variant="filled"
      value={fieldTypes.aggregate.format(value, field, locale)}
      placeholder={textOf(locale, "保存后计算", "Calculated on save")}
    />
  );
}
