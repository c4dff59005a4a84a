// What the record pipeline reports: a stable code, a JSON pointer into the record's data and a message
// in the caller's language. The server wraps a list of these in a VALIDATION_FAILED error.
import type { Locale } from "@formwork/schema";
import type { BilingualText } from "../types";

export const RECORD_ERROR_CODES = {
  NOT_AN_OBJECT: "The record data is not a JSON object.",
  FORBIDDEN_KEY: "A key such as __proto__, constructor or prototype, refused anywhere in the data.",
  NUL_BYTE: "A string contains a NUL character, which no text column can store.",
  TOO_MANY_ITEMS: "A list is longer than any field accepts (1,000 items).",
  TOO_DEEP: "The data is nested deeper than any field's value.",
  UNKNOWN_FIELD: "A key that is not a field of the form (or a column of the sub-form).",
  REQUIRED: "A required field or sub-form column is empty.",
  INVALID_VALUE: "A value its field type rejects (type, range, format, options, files...).",
  RULE_FAILED: "A submit validation of the form does not hold; the message is the designer's.",
} as const;

export type RecordErrorCode = keyof typeof RECORD_ERROR_CODES;

export interface RecordError {
  path: string;
  code: RecordErrorCode;
  message: string;
}

export function recordError(
  path: string,
  code: RecordErrorCode,
  message: BilingualText,
  locale: Locale,
): RecordError {
  return { path, code, message: message[locale] };
}
