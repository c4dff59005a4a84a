// Every field type's input. Typed over FieldType, so a type added to @formwork/schema fails to compile
// until it has an input here.
import { lazy } from "react";
import { DescriptionInput } from "./description";
import type { FieldInputRegistry } from "./types";

// Inputs load on first use, each type's antd components and libraries in their own chunk, so the fill
// page's initial JavaScript stays small whatever a form contains; the renderer shows a placeholder
// meanwhile. Only the description (plain text, no antd) is always there.
const AddressInput = lazy(() => import("./address").then((m) => ({ default: m.AddressInput })));
const AttachmentInput = lazy(() => import("./attachment").then((m) => ({ default: m.AttachmentInput })));
const DateInput = lazy(() => import("./date").then((m) => ({ default: m.DateInput })));
const DatetimeInput = lazy(() => import("./datetime").then((m) => ({ default: m.DatetimeInput })));
const DepartmentInput = lazy(() => import("./department").then((m) => ({ default: m.DepartmentInput })));
const DepartmentsInput = lazy(() => import("./departments").then((m) => ({ default: m.DepartmentsInput })));
const ImageInput = lazy(() => import("./image").then((m) => ({ default: m.ImageInput })));
const LinkInput = lazy(() => import("./link").then((m) => ({ default: m.LinkInput })));
const LocationInput = lazy(() => import("./location").then((m) => ({ default: m.LocationInput })));
const LookupInput = lazy(() => import("./lookup").then((m) => ({ default: m.LookupInput })));
const MemberInput = lazy(() => import("./member").then((m) => ({ default: m.MemberInput })));
const MembersInput = lazy(() => import("./members").then((m) => ({ default: m.MembersInput })));
const MultiselectInput = lazy(() => import("./multiselect").then((m) => ({ default: m.MultiselectInput })));
const RatingInput = lazy(() => import("./rating").then((m) => ({ default: m.RatingInput })));
const SelectInput = lazy(() => import("./select").then((m) => ({ default: m.SelectInput })));
const SignatureInput = lazy(() => import("./signature").then((m) => ({ default: m.SignatureInput })));
const TextareaInput = lazy(() => import("./textarea").then((m) => ({ default: m.TextareaInput })));
const NumberInput = lazy(() => import("./number").then((m) => ({ default: m.NumberInput })));
const MoneyInput = lazy(() => import("./money").then((m) => ({ default: m.MoneyInput })));
const RadioInput = lazy(() => import("./radio").then((m) => ({ default: m.RadioInput })));
const CheckboxInput = lazy(() => import("./checkbox").then((m) => ({ default: m.CheckboxInput })));
const SubformInput = lazy(() => import("./subform").then((m) => ({ default: m.SubformInput })));
const DividerInput = lazy(() => import("./divider").then((m) => ({ default: m.DividerInput })));
const TextInput = lazy(() => import("./text").then((m) => ({ default: m.TextInput })));
const PhoneInput = lazy(() => import("./phone").then((m) => ({ default: m.PhoneInput })));
const EmailInput = lazy(() => import("./email").then((m) => ({ default: m.EmailInput })));
const SerialInput = lazy(() => import("./serial").then((m) => ({ default: m.SerialInput })));
const AggregateInput = lazy(() => import("./aggregate").then((m) => ({ default: m.AggregateInput })));

export const fieldInputs: FieldInputRegistry = {
  text: TextInput,
  textarea: TextareaInput,
  number: NumberInput,
  money: MoneyInput,
  date: DateInput,
  datetime: DatetimeInput,
  radio: RadioInput,
  checkbox: CheckboxInput,
  select: SelectInput,
  multiselect: MultiselectInput,
  divider: DividerInput,
  description: DescriptionInput,
  address: AddressInput,
  location: LocationInput,
  image: ImageInput,
  attachment: AttachmentInput,
  signature: SignatureInput,
  subform: SubformInput,
  link: LinkInput,
  lookup: LookupInput,
  member: MemberInput,
  members: MembersInput,
  department: DepartmentInput,
  departments: DepartmentsInput,
  serial: SerialInput,
  phone: PhoneInput,
  email: EmailInput,
  rating: RatingInput,
  aggregate: AggregateInput,
};

/** Types whose input shows its own title (the renderer draws no label row above them). */
export const SELF_LABELLED: ReadonlySet<string> = new Set(["divider"]);
