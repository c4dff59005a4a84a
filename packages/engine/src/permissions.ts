import type { FieldDefinition, FieldPermission, FlowNode } from "@formwork/schema";
import type { EngineFlow, RecordData } from "./model";

// Field permissions per node (hidden / view / edit). A field a node does not list is editable at the
// start node (the initiator fills the form) and read-only everywhere else. Sub-form columns are keyed
// "<subform>.<column>" and inherit the sub-form's permission. Computed and read-only fields are never
// editable. The server strips what `visibleFields` leaves out and refuses what `checkEdits` reports.

function permissionsOf(node: FlowNode | undefined): Record<string, FieldPermission> {
  if (!node) return {};
  if (node.type === "start" || node.type === "approval" || node.type === "fill")
    return node.fieldPermissions ?? {};
  return {};
}

function nodeOf(flow: EngineFlow, nodeId: string): FlowNode | undefined {
  return flow.definition.nodes.find((n) => n.id === nodeId);
}

function fixed(field: FieldDefinition): boolean {
  return Boolean(field.formula) || Boolean(field.readonly);
}

/** A field's (or a "subform.column" path's) permission at a node. */
export function fieldPermission(flow: EngineFlow, nodeId: string, path: string): FieldPermission {
  const node = nodeOf(flow, nodeId);
  const own = permissionsOf(node);
  const [top = path] = path.split(".");
  const listed = own[path] ?? (path !== top ? own[top] : undefined);
  const permission = listed ?? (node?.type === "start" ? "edit" : "view");
  const field = flow.fields.find((f) => f.id === top);
  const column =
    field?.type === "subform" && path !== top
      ? field.fields.find((c) => `${top}.${c.id}` === path)
      : undefined;
  if (permission === "edit" && ((field && fixed(field)) || (column && fixed(column)))) return "view";
  return permission;
}

/**
 * Paths the node's handler may see: top-level field ids, and "<subform>.<column>" for each visible column
 * of a visible sub-form.
 */
export function visibleFields(
  flow: EngineFlow,
  nodeId: string,
  formFields: readonly FieldDefinition[] = flow.fields,
): string[] {
  const visible: string[] = [];
  for (const field of formFields) {
    if (fieldPermission(flow, nodeId, field.id) === "hidden") continue;
    visible.push(field.id);
    if (field.type === "subform")
      for (const column of field.fields) {
        const path = `${field.id}.${column.id}`;
        if (fieldPermission(flow, nodeId, path) !== "hidden") visible.push(path);
      }
  }
  return visible;
}

/** Paths the node's handler may change. */
export function editableFields(flow: EngineFlow, nodeId: string): string[] {
  return visibleFields(flow, nodeId).filter((path) => fieldPermission(flow, nodeId, path) === "edit");
}

export interface EditIssue {
  /** JSON pointer into the command's `fieldEdits`. */
  path: string;
  message: string;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function rows(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    : [];
}

/**
 * Edits the node refuses: a field that is not editable here and whose value would change (clients may
 * send the whole record back), an unknown field, and in an editable sub-form a change to a column that is
 * not editable (rows compared by position; a new row may not fill such a column).
 */
export function checkEdits(
  flow: EngineFlow,
  nodeId: string,
  edits: RecordData,
  record: RecordData,
): EditIssue[] {
  const issues: EditIssue[] = [];
  for (const [id, value] of Object.entries(edits)) {
    const field = flow.fields.find((f) => f.id === id);
    const path = `/fieldEdits/${id.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (!field) {
      issues.push({ path, message: `"${id}" is not a field of this form` });
      continue;
    }
    if (same(value, record[id])) continue;
    if (fieldPermission(flow, nodeId, id) !== "edit") {
      issues.push({ path, message: `"${id}" is not editable at this step` });
      continue;
    }
    if (field.type !== "subform") continue;
    const before = rows(record[id]);
    rows(value).forEach((row, i) => {
      for (const column of field.fields) {
        if (fieldPermission(flow, nodeId, `${id}.${column.id}`) === "edit") continue;
        if (!same(row[column.id], before[i]?.[column.id]))
          issues.push({
            path: `${path}/${i}/${column.id}`,
            message: `"${id}.${column.id}" is not editable at this step`,
          });
      }
    });
  }
  return issues;
}
