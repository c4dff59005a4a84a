// The record as the task's node shows it: the server sends only the fields the node may see, each with
// its permission; the renderer takes them as a form definition plus a permission map.
import type { FieldDefinition, FieldPermission, FormDefinition } from "@formwork/schema";
import type { TaskDetail } from "../api";

export interface TaskForm {
  definition: FormDefinition;
  permissions: Record<string, FieldPermission>;
  /** Ids of the fields this node may edit. */
  editable: string[];
}

export function taskForm(detail: TaskDetail): TaskForm {
  const permissions: Record<string, FieldPermission> = {};
  const strip = (field: FieldDefinition & { permission?: FieldPermission }, prefix = ""): FieldDefinition => {
    const { permission, ...plain } = field;
    permissions[prefix + field.id] = permission ?? "view";
    // A view-only column of an editable sub-form: its cells are read-only (the server refuses changes).
    if (prefix && permission !== "edit") return { ...plain, readonly: true } as FieldDefinition;
    if (plain.type === "subform") {
      return {
        ...plain,
        fields: plain.fields.map((c) =>
          strip(c as FieldDefinition & { permission?: FieldPermission }, `${field.id}.`),
        ),
      } as FieldDefinition;
    }
    return plain as FieldDefinition;
  };
  const fields = detail.form.fields.map((f) => strip(f));
  return {
    definition: { key: "task", name: detail.form.name, fields },
    permissions,
    editable: fields.filter((f) => permissions[f.id] === "edit").map((f) => f.id),
  };
}

/** The values of the editable fields that differ from the record, as the action's `fieldEdits`. */
export function fieldEdits(
  editable: readonly string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const edits: Record<string, unknown> = {};
  for (const id of editable) {
    if (JSON.stringify(after[id] ?? null) !== JSON.stringify(before[id] ?? null))
      edits[id] = after[id] ?? null;
  }
  return edits;
}
