// The stable codes of definition issues. A code never changes meaning once released; add new ones
// instead. The designer keys its messages and highlights on these; the API returns them in
// `error.details[].code` under INVALID_DEFINITION.

export const DEFINITION_ISSUE_CODES = {
  // shape
  SCHEMA_VIOLATION: "The definition does not match its JSON Schema.",
  UNKNOWN_PROPERTY: "A property that this kind of object does not have.",
  TOO_DEEP: "The definition is nested deeper than allowed.",
  INVALID_ID: "An id or key that is not a lower-case letter followed by lower-case letters, digits or _.",
  // fields
  UNKNOWN_FIELD_TYPE: "A field type the platform does not know.",
  DUPLICATE_FIELD_ID: "Two fields share an id (sub-form columns: within their sub-form).",
  NESTED_SUBFORM: "A sub-form inside a sub-form.",
  DUPLICATE_OPTION_VALUE: "Two options of one field share a value.",
  FORMULA_NOT_ALLOWED: "A formula on a field type that cannot be computed.",
  UNIQUE_NOT_ALLOWED: "`unique` on a field type whose values cannot be unique.",
  // references and formulas
  UNKNOWN_FIELD_REF: "A formula, rule or setting names a field that does not exist.",
  FORMULA_INVALID: "The formula does not parse or type-check.",
  COMPUTED_CYCLE: "Computed fields depend on each other in a cycle.",
  // flow structure
  DUPLICATE_NODE_ID: "Two flow nodes share an id.",
  DUPLICATE_EDGE_ID: "Two flow edges share an id.",
  UNKNOWN_NODE_KIND: "A flow node kind the platform does not know.",
  EDGE_UNKNOWN_NODE: "An edge starts or ends at a node that does not exist.",
  START_COUNT: "A flow needs exactly one start node.",
  START_HAS_INCOMING: "An edge leads into the start node.",
  NO_END: "A flow needs at least one end node.",
  END_HAS_OUTGOING: "An edge leaves an end node.",
  UNREACHABLE_NODE: "A node that no path from the start reaches.",
  DEAD_END_NODE: "A node from which no path reaches an end.",
  FLOW_CYCLE: "The flow graph has a cycle; returns are runtime actions, never drawn edges.",
  NODE_OUTGOING_COUNT: "A node other than branch, parallel or end must have exactly one outgoing edge.",
  SPLIT_TOO_FEW_EDGES: "A branch or parallel node needs at least two outgoing edges.",
  BRANCH_DEFAULT_COUNT: "A branch node needs exactly one default edge.",
  BRANCH_EDGE_WITHOUT_CONDITION: "A non-default edge of a branch has no condition.",
  CONDITION_OUTSIDE_BRANCH: "A condition or default flag on an edge that does not leave a branch node.",
  PARALLEL_WITHOUT_JOIN: "A path from a parallel split ends before reaching a join.",
  PARALLEL_NOT_NESTED: "The paths of a parallel split do not all meet at one join, or enter from outside.",
  JOIN_WITHOUT_SPLIT: "A join whose incoming edges do not all come from one parallel split.",
  // flow node settings
  NO_ASSIGNEES: "A task node without assignees and without a `whenEmpty` rule.",
  ASSIGNEE_FIELD_TYPE: "An assignee field that is not a member or department field.",
  INVALID_RATIO: 'A `mode: "ratio"` node needs 0 < ratio <= 1.',
  DEADLINE_FIELD_TYPE: "A deadline field that is not a date or datetime field.",
  INVALID_DURATION: "Not an ISO 8601 duration such as P2D or PT4H.",
} as const;

export type DefinitionIssueCode = keyof typeof DEFINITION_ISSUE_CODES;
