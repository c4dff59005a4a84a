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
 * The stored row an edited row stands for: the one with its row id; rows without ids match by position
 * only when the stored rows have no ids either. No match = a new row.
 */
function previousRow(
  before: Record<string, unknown>[],
  row: Record<string, unknown>,
  index: number,
): Record<string, unknown> | undefined {
  if (row.id !== undefined && row.id !== null) return before.find((b) => String(b.id) === String(row.id));
  return before.some((b) => b.id !== undefined && b.id !== null) ? undefined : before[index];
}

function fixedColumns(flow: EngineFlow, nodeId: string, field: FieldDefinition): string[] {
  return field.type === "subform"
    ? field.fields
        .map((c) => c.id)
        .filter((c) => fieldPermission(flow, nodeId, `${field.id}.${c}`) !== "edit")
    : [];
}

/**
 * Edits the node refuses: a field that is not editable here and whose value would change (clients may
 * send the whole record back), an unknown field, and in an editable sub-form a change to a column that is
 * not editable. A row may leave such a column out (it was hidden from the handler): it keeps its value;
 * a new row may not fill it.
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
    const fixed = fixedColumns(flow, nodeId, field);
    if (fixed.length === 0) continue;
    const before = rows(record[id]);
    rows(value).forEach((row, i) => {
      const previous = previousRow(before, row, i);
      for (const column of fixed) {
        if (!(column in row)) continue;
        const was = previous?.[column];
        if (!same(row[column], was))
          issues.push({
            path: `${path}/${i}/${column}`,
            message: `"${id}.${column}" is not editable at this step`,
          });
      }
    });
  }
  return issues;
}

/**
 * Accepted edits as they are to be stored: sub-form rows get back the columns the handler could not
 * edit and left out (hidden from them), so a fill never erases what it could not see.
 */
export function completeEdits(
  flow: EngineFlow,
  nodeId: string,
  edits: RecordData,
  record: RecordData,
): RecordData {
  const out: RecordData = { ...edits };
  for (const [id, value] of Object.entries(edits)) {
    const field = flow.fields.find((f) => f.id === id);
    if (!field || !Array.isArray(value)) continue;
    const fixed = fixedColumns(flow, nodeId, field);
    if (fixed.length === 0) continue;
    const before = rows(record[id]);
    out[id] = value.map((row, i) => {
      if (typeof row !== "object" || row === null) return row;
      const previous = previousRow(before, row as Record<string, unknown>, i);
      if (!previous) return row;
      const kept = Object.fromEntries(
        fixed.filter((c) => !(c in row) && c in previous).map((c) => [c, previous[c]]),
      );
      return { ...row, ...kept };
    });
  }
  return out;
}
