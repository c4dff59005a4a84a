// @formwork/fields/react: the input of every field type, for the renderer (and the designer's preview).
export { localize } from "../shared/messages";
export { InputPlaceholder } from "./input-placeholder";
export { fieldInputs, SELF_LABELLED } from "./registry";
export type {
  FieldInput,
  FieldInputProps,
  FieldInputRegistry,
  FieldServices,
  FileRef,
  PersonChoice,
  RecordChoice,
} from "./types";
