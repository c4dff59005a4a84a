// Stable codes of automation definition issues (beside the definition codes SCHEMA_VIOLATION,
// UNKNOWN_PROPERTY, TOO_DEEP, FORMULA_INVALID). A code never changes meaning once released.

export const AUTOMATION_ISSUE_CODES = {
  UNKNOWN_FORM: "The trigger or an action names a form the app does not have.",
  UNKNOWN_FIELD: "A trigger, condition or mapping names a field its form does not have.",
  NOT_A_DATE_FIELD: "A date trigger names a field that is not a date or date-time field.",
  NOT_A_MEMBER_FIELD: "A notify action's userFields names a field that is not a member field.",
  FORMULA_INVALID: "A mapping formula does not parse.",
  INVALID_TIME: 'A time that is not "HH:MM" (00:00 to 23:59).',
  NOT_A_LIST_FIELD:
    "An update's add or remove names a field that holds no list (multi-select, members, departments).",
  NEEDS_RECORD: "An assign action on a schedule trigger, which has no record to assign.",
  MISSING_SETTING: "A weekly schedule without a weekday or a monthly one without a day of the month.",
} as const;

export type AutomationIssueCode = keyof typeof AUTOMATION_ISSUE_CODES;
