import { pointer } from "../errors";
import { isIsoDuration } from "./duration";
import { ASSIGNEE_FIELD_TYPES, DATE_FIELD_TYPES } from "./field-capabilities";
import type { FieldIndex } from "./field-index";
import type { FlowGraph, NodeInfo } from "./flow-index";
import { resolveName } from "./refs";
import type { IssueList } from "./result";
import { checkRuleRefs } from "./rule-refs";
import { asArray, ownKeys, prop } from "./tolerant";

const TASK_KINDS = new Set(["approval", "fill", "cc"]);

/** The top-level field a setting names, or an issue when there is none. */
function namedField(name: unknown, path: string, index: FieldIndex, issues: IssueList) {
  if (typeof name !== "string") return undefined;
  const field = index.fields.get(name);
  if (!field) issues.add("UNKNOWN_FIELD_REF", path, `"${name}" is not a field of this form`);
  return field;
}

function checkAssignees(list: unknown, path: string, index: FieldIndex, issues: IssueList): void {
  asArray(list).forEach((assignee, i) => {
    const at = `${path}${pointer(i, "field")}`;
    const field = namedField(prop(assignee, "field"), at, index, issues);
    if (field && !ASSIGNEE_FIELD_TYPES.has(field.type ?? "")) {
      issues.add(
        "ASSIGNEE_FIELD_TYPE",
        at,
        `"${field.id}" is a ${field.type ?? "untyped"} field, not a member or department field`,
      );
    }
  });
}

function checkDeadline(deadline: unknown, path: string, index: FieldIndex, issues: IssueList): void {
  if (deadline === undefined) return;
  for (const key of ["after", "repeat"]) {
    const value = prop(deadline, key);
    if (typeof value === "string" && !isIsoDuration(value)) {
      issues.add(
        "INVALID_DURATION",
        `${path}/${key}`,
        `"${value.slice(0, 64)}" is not an ISO 8601 duration such as P2D or PT4H`,
      );
    }
  }
  const field = namedField(prop(deadline, "field"), `${path}/field`, index, issues);
  if (field && !DATE_FIELD_TYPES.has(field.type ?? "")) {
    issues.add(
      "DEADLINE_FIELD_TYPE",
      `${path}/field`,
      `"${field.id}" is a ${field.type ?? "untyped"} field, not a date or datetime field`,
    );
  }
  checkAssignees(prop(deadline, "escalateTo"), `${path}/escalateTo`, index, issues);
}

function checkFieldPermissions(
  permissions: unknown,
  path: string,
  index: FieldIndex,
  issues: IssueList,
): void {
  for (const key of ownKeys(permissions)) {
    if (resolveName(key, index, { kind: "form" }).kind === "unknown" || key.startsWith("$")) {
      issues.add(
        "UNKNOWN_FIELD_REF",
        `${path}${pointer(key)}`,
        `"${key.slice(0, 100)}" is not a field of this form`,
      );
    }
  }
}

function checkNode(node: NodeInfo, index: FieldIndex, issues: IssueList): void {
  const raw = node.raw;
  checkFieldPermissions(prop(raw, "fieldPermissions"), `${node.path}/fieldPermissions`, index, issues);
  if (!TASK_KINDS.has(node.kind ?? "")) return;
  const assignees = prop(raw, "assignees");
  if (Array.isArray(assignees) && assignees.length === 0 && prop(raw, "whenEmpty") === undefined) {
    issues.add(
      "NO_ASSIGNEES",
      `${node.path}/assignees`,
      "add an assignee, or choose what happens when none resolves (`whenEmpty`)",
    );
  }
  checkAssignees(assignees, `${node.path}/assignees`, index, issues);
  if (prop(raw, "mode") === "ratio") {
    const ratio = prop(raw, "ratio");
    if (typeof ratio !== "number" || !(ratio > 0 && ratio <= 1)) {
      issues.add(
        "INVALID_RATIO",
        ratio === undefined ? node.path : `${node.path}/ratio`,
        "a ratio node needs a ratio greater than 0 and at most 1",
      );
    }
  }
  checkDeadline(prop(raw, "deadline"), `${node.path}/deadline`, index, issues);
}

/** Node settings and edge conditions against the form's fields. */
export function checkFlowAgainstForm(graph: FlowGraph, index: FieldIndex, issues: IssueList): void {
  for (const node of graph.nodes) checkNode(node, index, issues);
  for (const edge of graph.edges) {
    const when = prop(edge.raw, "when");
    if (when !== undefined) checkRuleRefs(when, `${edge.path}/when`, { kind: "form" }, index, issues);
  }
}
