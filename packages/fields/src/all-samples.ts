// Sample fields and values of every type, for the contract suite and for other packages' tests.
import type { FieldType } from "@formwork/schema";
import type { FieldSamples } from "./samples";
import { samples as address } from "./types/address";
import { samples as aggregate } from "./types/aggregate";
import { samples as attachment } from "./types/attachment";
import { samples as checkbox } from "./types/checkbox";
import { samples as date } from "./types/date";
import { samples as datetime } from "./types/datetime";
import { samples as department } from "./types/department";
import { samples as departments } from "./types/departments";
import { samples as description } from "./types/description";
import { samples as divider } from "./types/divider";
import { samples as email } from "./types/email";
import { samples as image } from "./types/image";
import { samples as link } from "./types/link";
import { samples as location } from "./types/location";
import { samples as lookup } from "./types/lookup";
import { samples as member } from "./types/member";
import { samples as members } from "./types/members";
import { samples as money } from "./types/money";
import { samples as multiselect } from "./types/multiselect";
import { samples as number } from "./types/number";
import { samples as phone } from "./types/phone";
import { samples as radio } from "./types/radio";
import { samples as rating } from "./types/rating";
import { samples as select } from "./types/select";
import { samples as serial } from "./types/serial";
import { samples as signature } from "./types/signature";
import { samples as subform } from "./types/subform";
import { samples as text } from "./types/text";
import { samples as textarea } from "./types/textarea";

export const fieldSamples: { [K in FieldType]: FieldSamples<K> } = {
  text,
  textarea,
  number,
  money,
  date,
  datetime,
  radio,
  checkbox,
  select,
  multiselect,
  divider,
  description,
  address,
  location,
  image,
  attachment,
  signature,
  subform,
  link,
  lookup,
  member,
  members,
  department,
  departments,
  serial,
  phone,
  email,
  rating,
  aggregate,
};
