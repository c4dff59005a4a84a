import { DepartmentSelect } from "./department-select";
import type { FieldInputProps } from "./types";

export function DepartmentsInput({ field: _field, ...props }: FieldInputProps<"departments">) {
  return <DepartmentSelect multiple={true} {...props} />;
}
