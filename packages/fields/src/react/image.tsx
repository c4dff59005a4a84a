import { FileUpload } from "./file-upload";
import type { FieldInputProps } from "./types";

export function ImageInput({ field, ...props }: FieldInputProps<"image">) {
  return <FileUpload settings={field} images {...props} />;
}
