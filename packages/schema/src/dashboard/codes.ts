// Stable codes of dashboard definition issues. A code never changes meaning once released.

export const DASHBOARD_ISSUE_CODES = {
  SCHEMA_VIOLATION: "The dashboard does not match its JSON Schema.",
  DUPLICATE_WIDGET_ID: "Two widgets (or two filter controls) share an id.",
  WIDGET_NEEDS_FORM: "A data widget without a form.",
  WIDGET_DIMENSIONS: "Too many or too few dimensions for the widget's kind.",
  WIDGET_MEASURES: "Too many or too few measures for the widget's kind.",
  LAYOUT_OUTSIDE_GRID: "A widget reaches past the grid's 12 columns.",
  UNKNOWN_FORM: "A widget or filter control names a form that is not there.",
  UNKNOWN_FIELD: "A dimension, measure, column or filter names a field its form lacks.",
  NOT_A_LINK: "`via` names a field that is not a link field.",
  NOT_A_DATE: "A date bucket, a compared field or a date-range control on a field that is not a date.",
  NOT_A_NUMBER: "A sum or average of a field that is not a number.",
  MEASURE_NEEDS_FIELD: "A measure other than count without a field.",
  WRONG_CONTROL_FIELD: "A department or member control on a field of another type.",
} as const;

export type DashboardIssueCode = keyof typeof DASHBOARD_ISSUE_CODES;
