import { MemberSelect } from "./member-select";
import type { FieldInputProps } from "./types";

export function MemberInput({ field, ...props }: FieldInputProps<"member">) {
  return <MemberSelect multiple={false} departments={field.departments} {...props} />;
}
