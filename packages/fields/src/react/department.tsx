import { DepartmentSelect } from "./department-select";
import type { FieldInputProps } from "./types";

export function DepartmentInput({ field: _field, ...props }: FieldInputProps<"department">) {
  return <DepartmentSelect multiple={false} {...props} />;
}
