// What each field type may carry. Keyed by every FieldType, so a new type fails to compile until it is
// decided here. packages/fields holds the full registry; this is the part the definition validator
// needs, and the schema layer cannot import fields.
import type { FieldType } from "../types";

/** May carry a `formula` (a computed value of its kind). */
export const COMPUTABLE: Record<FieldType, boolean> = {
  text: true,
  textarea: true,
  number: true,
  money: true,
  date: true,
  datetime: true,
  radio: true,
  checkbox: true,
  select: true,
  multiselect: true,
  divider: false,
  description: false,
  address: true,
  location: true,
  image: false,
  attachment: false,
  signature: false,
  subform: false,
  link: false,
  lookup: false,
  member: true,
  members: true,
  department: true,
  departments: true,
  serial: false,
  phone: true,
  email: true,
  rating: true,
  aggregate: false,
};

/** May be `unique`: one scalar value per record that a unique index can hold. */
export const UNIQUE_CAPABLE: Record<FieldType, boolean> = {
  text: true,
  textarea: false,
  number: true,
  money: true,
  date: true,
  datetime: true,
  radio: true,
  checkbox: false,
  select: true,
  multiselect: false,
  divider: false,
  description: false,
  address: false,
  location: false,
  image: false,
  attachment: false,
  signature: false,
  subform: false,
  link: true,
  lookup: false,
  member: true,
  members: false,
  department: true,
  departments: false,
  serial: true,
  phone: true,
  email: true,
  rating: false,
  aggregate: false,
};

/** Field types an assignee `{field: x}` may name. */
export const ASSIGNEE_FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>([
  "member",
  "members",
  "department",
  "departments",
]);

/** Field types a deadline `field` may name. */
export const DATE_FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>(["date", "datetime"]);

/** Field types whose value is one of their `options`. */
export const OPTION_FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>([
  "radio",
  "checkbox",
  "select",
  "multiselect",
]);
