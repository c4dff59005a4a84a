import { Divider } from "antd";
import { localize } from "../shared/messages";
import type { FieldInputProps } from "./types";

/** A section break: the field's label is the section title (the renderer shows no label row for it). */
export function DividerInput({ field, locale }: FieldInputProps<"divider">) {
  return (
    <Divider titlePlacement="start" style={{ margin: "8px 0" }}>
      {localize(field.label, locale)}
    </Divider>
  );
}
