import { PeopleSelect } from "./people-select";
import type { FieldInputProps } from "./types";

export function MemberInput({ field: _field, services, ...props }: FieldInputProps<"member">) {
  return <PeopleSelect kind="users" load={() => services.listUsers()} multiple={false} {...props} />;
}
