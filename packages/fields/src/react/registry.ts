// Every field type's input. Typed over FieldType, so a type added to @formwork/schema fails to compile
// until it has an input here.
import { AddressInput } from "./address";
import { AggregateInput } from "./aggregate";
import { AttachmentInput } from "./attachment";
import { CheckboxInput } from "./checkbox";
import { DateInput } from "./date";
import { DatetimeInput } from "./datetime";
import { DepartmentInput } from "./department";
import { DepartmentsInput } from "./departments";
import { DescriptionInput } from "./description";
import { DividerInput } from "./divider";
import { EmailInput } from "./email";
import { ImageInput } from "./image";
import { LinkInput } from "./link";
import { LocationInput } from "./location";
import { LookupInput } from "./lookup";
import { MemberInput } from "./member";
import { MembersInput } from "./members";
import { MoneyInput } from "./money";
import { MultiselectInput } from "./multiselect";
import { NumberInput } from "./number";
import { PhoneInput } from "./phone";
import { RadioInput } from "./radio";
import { RatingInput } from "./rating";
import { SelectInput } from "./select";
import { SerialInput } from "./serial";
import { SignatureInput } from "./signature";
import { SubformInput } from "./subform";
import { TextInput } from "./text";
import { TextareaInput } from "./textarea";
import type { FieldInputRegistry } from "./types";

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
