export { fieldSamples } from "./all-samples";
export { fieldTypes, getFieldType, storedFields } from "./registry";
export type { FieldSamples } from "./samples";
export type { Message, ValueIssue } from "./shared/messages";
export { localize } from "./shared/messages";
export * from "./types";
