// Stable codes of bundle issues, beside the definition codes (a form inside a bundle reports those,
// under its own pointer). A code never changes meaning once released; add new ones instead.

export const BUNDLE_ISSUE_CODES = {
  UNSUPPORTED_FORMAT: "The bundle's `format` is not one this version reads.",
  INVALID_VERSION: "The manifest's version is not a semantic version (1.2.3).",
  DUPLICATE_ID: "Two items of one section share an id (forms: a key).",
  UNKNOWN_FORM: "A view, permission set, section item or sample data names a form the bundle lacks.",
  UNKNOWN_FIELD: "A view, permission set or sample record names a field its form lacks.",
  UNKNOWN_ROLE: "A flow assignee, permission set or member names a role placeholder the bundle lacks.",
  UNKNOWN_DEPARTMENT: "A department reference that is not a department placeholder of the bundle.",
  UNKNOWN_MEMBER: "A member reference that is not a member placeholder of the bundle.",
  UNKNOWN_RECORD: "A sample link value that is not the id of a sample record of the linked form.",
  LINK_CYCLE: "The sample data's forms link to each other in a cycle, so no insertion order exists.",
  USER_ASSIGNEE: "A flow names a database user; a bundle names members by placeholder instead.",
  UNKNOWN_DASHBOARD: "The menu names a dashboard that is not in the bundle's dashboards section.",
  SECTION_INVALID: "A dashboard or automation that its own module's validator refuses.",
} as const;

export type BundleIssueCode = keyof typeof BUNDLE_ISSUE_CODES;
