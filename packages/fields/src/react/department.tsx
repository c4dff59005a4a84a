import { PeopleSelect } from "./people-select";
import type { FieldInputProps } from "./types";

export function DepartmentInput({ field: _field, services, ...props }: FieldInputProps<"department">) {
  return (
    <PeopleSelect kind="departments" load={() => services.listDepartments()} multiple={false} {...props} />
  );
}
