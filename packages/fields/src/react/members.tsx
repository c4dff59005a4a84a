import { PeopleSelect } from "./people-select";
import type { FieldInputProps } from "./types";

export function MembersInput({ field: _field, services, ...props }: FieldInputProps<"members">) {
  return <PeopleSelect kind="users" load={() => services.listUsers()} multiple={true} {...props} />;
}
