import { MemberSelect } from "./member-select";
import type { FieldInputProps } from "./types";

export function MembersInput({ field, ...props }: FieldInputProps<"members">) {
  return <MemberSelect multiple={true} departments={field.departments} {...props} />;
}
