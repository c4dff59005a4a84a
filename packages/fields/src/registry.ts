// Every field type, keyed by type. The mapped type makes a type added to FIELD_TYPES in @formwork/schema
// fail to compile here until it has a definition (and likewise in ./all-samples.ts).
import type { FieldDefinition, FieldOf, FieldType, FormDefinition } from "@formwork/schema";
import type { FieldTypeDef } from "./types";
import * as address from "./types/address";
import * as aggregate from "./types/aggregate";
import * as attachment from "./types/attachment";
import * as checkbox from "./types/checkbox";
import * as date from "./types/date";
import * as datetime from "./types/datetime";
import * as department from "./types/department";
import * as departments from "./types/departments";
import * as description from "./types/description";
import * as divider from "./types/divider";
import * as email from "./types/email";
import * as image from "./types/image";
import * as link from "./types/link";
import * as location from "./types/location";
import * as lookup from "./types/lookup";
import * as member from "./types/member";
import * as members from "./types/members";
import * as money from "./types/money";
import * as multiselect from "./types/multiselect";
import * as number from "./types/number";
import * as phone from "./types/phone";
import * as radio from "./types/radio";
import * as rating from "./types/rating";
import * as select from "./types/select";
import * as serial from "./types/serial";
import * as signature from "./types/signature";
import * as subform from "./types/subform";
import * as text from "./types/text";
import * as textarea from "./types/textarea";

export const fieldTypes: { [K in FieldType]: FieldTypeDef<K> } = {
  text: text.fieldType,
  textarea: textarea.fieldType,
  number: number.fieldType,
  money: money.fieldType,
  date: date.fieldType,
  datetime: datetime.fieldType,
  radio: radio.fieldType,
  checkbox: checkbox.fieldType,
  select: select.fieldType,
  multiselect: multiselect.fieldType,
  divider: divider.fieldType,
  description: description.fieldType,
  address: address.fieldType,
  location: location.fieldType,
  image: image.fieldType,
  attachment: attachment.fieldType,
  signature: signature.fieldType,
  subform: subform.createFieldType(getFieldType),
  link: link.fieldType,
  lookup: lookup.fieldType,
  member: member.fieldType,
  members: members.fieldType,
  department: department.fieldType,
  departments: departments.fieldType,
  serial: serial.fieldType,
  phone: phone.fieldType,
  email: email.fieldType,
  rating: rating.fieldType,
  aggregate: aggregate.fieldType,
};

/** The definition of a type; with a `FieldDefinition` of any type, `getFieldType(field.type)` takes `field`. */
export function getFieldType<K extends FieldType>(type: K): FieldTypeDef<K> {
  return fieldTypes[type] as FieldTypeDef<K>;
}

/** The top-level fields of a form that hold a value in its records (sub-forms included). */
export function storedFields(form: Pick<FormDefinition, "fields">): FieldDefinition[] {
  return form.fields.filter((field) => fieldTypes[field.type].stored);
}

/** The columns of a sub-form that hold a value in a row: the typed columns of its child table. */
export function storedColumns(subform: FieldOf<"subform">): FieldDefinition[] {
  return (subform.fields ?? []).filter(
    (column) => fieldTypes[column.type].stored && column.type !== "subform",
  );
}
