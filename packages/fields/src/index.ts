export { fieldSamples } from "./all-samples";
export * from "./definition";
export * from "./record";
export { fieldTypes, getFieldType, storedColumns, storedFields } from "./registry";
export type { FieldSamples } from "./samples";
export { localize, type Message, type ValueIssue } from "./shared/messages";
export * from "./types";
export { SUBFORM_ROWS_HARD_MAX } from "./types/subform";
