// Types that hold no value in a record: layout elements and display-only lookups. Anything sent for
// them is dropped by the record pipeline; the value schema only admits "empty".

import { issue, type ValueIssue } from "../shared/messages";
import type { JsonSchema } from "../types";

export const NO_VALUE_SCHEMA: JsonSchema = { type: "null" };

export function validateNoValue(value: unknown): ValueIssue[] {
  return value === null || value === undefined
    ? []
    : [issue("", "此字段不保存值", "This field holds no value")];
}
