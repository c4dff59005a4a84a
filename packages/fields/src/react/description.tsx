import { localize } from "../shared/messages";
import type { FieldInputProps } from "./types";

export function DescriptionInput({ field, locale }: FieldInputProps<"description">) {
  return (
    <p
      style={{
        whiteSpace: "pre-wrap",
        margin: 0,
        color: "var(--ant-color-text-secondary, rgba(0, 0, 0, 0.65))",
      }}
    >
      {localize(field.content, locale)}
    </p>
  );
}
