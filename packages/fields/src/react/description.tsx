import { Typography } from "antd";
import { localize } from "../shared/messages";
import type { FieldInputProps } from "./types";

export function DescriptionInput({ field, locale }: FieldInputProps<"description">) {
  return (
    <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
      {localize(field.content, locale)}
    </Typography.Paragraph>
  );
}
