import { FileUpload } from "./file-upload";
import type { FieldInputProps } from "./types";

export function AttachmentInput({ field, ...props }: FieldInputProps<"attachment">) {
  return <FileUpload settings={field} images={false} {...props} />;
}
