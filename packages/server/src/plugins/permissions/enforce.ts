// Applying a RecordScope to requests and responses: refusals with stable codes and pointers, and the
// cut-down copies of records and history that hidden fields never leave the server in.
import type { ApiRecord, RevisionView } from "@formwork/db";
import { FormworkError, pointerSegment, type RecordAction } from "@formwork/schema";
import type { RecordScope } from "./scope";

const ACTION_TEXT: Record<RecordAction, string> = {
  view: "view",
  create: "add",
  edit: "edit",
  delete: "delete",
  export: "export",
  import: "import",
  print: "print",
  comment: "comment on",
};

/** FORBIDDEN unless the scope grants the action. */
export function requireAction(scope: RecordScope, action: RecordAction): void {
  if (!scope.actions.has(action)) {
    throw new FormworkError("FORBIDDEN", `You may not ${ACTION_TEXT[action]} records of this form`);
  }
}

/** FORBIDDEN unless the scope grants some action: the form's definition and views are for its users. */
export function requireSomeRight(scope: RecordScope): void {
  if (scope.actions.size === 0) {
    throw new FormworkError("FORBIDDEN", "You hold no right on this form");
  }
}

export function forbiddenField(path: string, name: string): FormworkError {
  return new FormworkError("FORBIDDEN_FIELD", `You may not read the field "${name}"`, [
    { path, message: "hidden from you" },
  ]);
}

/** Refuses a sort or projection that names a hidden field (never silently dropped). */
export function checkReadableNames(scope: RecordScope, names: readonly string[], pointer: string): void {
  if (scope.hiddenFields.length === 0) return;
  const hidden = new Set(scope.hiddenFields);
  names.forEach((name, index) => {
    if (hidden.has(name)) throw forbiddenField(`${pointer}/${index}`, name);
  });
}

/** The record with only the fields in `fields` (default: the readable ones). */
export function visibleRecord(
  scope: RecordScope,
  record: ApiRecord,
  fields: ReadonlySet<string> = scope.visibleFields,
): ApiRecord {
  if (scope.full) return record;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.data)) if (fields.has(key)) data[key] = value;
  return { ...record, data };
}

/** History without hidden fields: their diffs are removed, and updates that only touched them vanish. */
export function visibleRevisions(scope: RecordScope, revisions: RevisionView[]): RevisionView[] {
  if (scope.full || scope.hiddenFields.length === 0) return revisions;
  const out: RevisionView[] = [];
  for (const revision of revisions) {
    const diff: RevisionView["diff"] = {};
    for (const [key, change] of Object.entries(revision.diff)) {
      if (key.startsWith("$") || scope.visibleFields.has(key.split(".")[0]!)) diff[key] = change;
    }
    const touchedOnlyHidden = Object.keys(revision.diff).length > 0 && Object.keys(diff).length === 0;
    if (revision.action === "update" && touchedOnlyHidden) continue;
    out.push({ ...revision, diff });
  }
  return out;
}

function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Refuses data that sets a field the caller may not change: READ_ONLY_FIELD for a field they see, and
 * FORBIDDEN_FIELD for one hidden from them, each pointing at `/data/<field>`. A client that sends a
 * whole record is not punished for it: unchanged values (on edit) and blanks (on create) pass.
 */
export function checkWritableFields(
  scope: RecordScope,
  mode: "create" | "edit",
  data: Record<string, unknown>,
  base: string,
  existing?: Record<string, unknown>,
): void {
  if (scope.full) return;
  const editable = mode === "create" ? scope.editableOnCreate : scope.editableOnEdit;
  const shown = mode === "create" ? scope.createVisibleFields : scope.visibleFields;
  for (const [key, value] of Object.entries(data)) {
    if (editable.has(key)) continue;
    if (mode === "create" && isBlank(value)) continue;
    if (mode === "edit" && JSON.stringify(value ?? null) === JSON.stringify(existing?.[key] ?? null))
      continue;
    const path = `${base}/${pointerSegment(key)}`;
    if (!shown.has(key)) {
      // Unknown keys are the pipeline's to report (UNKNOWN_FIELD); only real fields are refused here.
      if (!scope.visibleFields.has(key) && !isField(scope, key)) continue;
      throw new FormworkError("FORBIDDEN_FIELD", `You may not set the field "${key}"`, [
        { path, message: "hidden from you" },
      ]);
    }
    throw new FormworkError("READ_ONLY_FIELD", `The field "${key}" is read-only for you`, [
      { path, message: "read-only for you" },
    ]);
  }
}

function isField(scope: RecordScope, key: string): boolean {
  return (
    scope.hiddenFields.includes(key) || scope.visibleFields.has(key) || scope.createVisibleFields.has(key)
  );
}
