import { PeopleSelect } from "./people-select";
import type { FieldInputProps } from "./types";

export function DepartmentsInput({ field: _field, services, ...props }: FieldInputProps<"departments">) {
  return (
    <PeopleSelect kind="departments" load={() => services.listDepartments()} multiple={true} {...props} />
  );
}
