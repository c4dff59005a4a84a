// @formwork/fields/react: the input of every field type, for the renderer (and the designer's preview).
export { localize } from "../shared/messages";
export { DepartmentSelect } from "./department-select";
export { type DepartmentNode, departmentTree, pathTo } from "./department-tree";
export { InputPlaceholder } from "./input-placeholder";
export { MemberSelect } from "./member-select";
export { fieldInputs, SELF_LABELLED } from "./registry";
export type {
  DepartmentChoice,
  FieldInput,
  FieldInputProps,
  FieldInputRegistry,
  FieldServices,
  FileRef,
  MemberSearch,
  PersonChoice,
  RecordChoice,
} from "./types";
