// Which column fills which field. Suggested by label — a header matches a field whose Chinese or
// English label (or id) it equals, trimmed and case-insensitively — and editable by the user; checked
// against the form and the caller's field rights before any row is read.

import type { PublishedForm } from "@formwork/db";
import { isKeyField } from "@formwork/db";
import { localize } from "@formwork/fields";
import { type FieldDefinition, FormworkError, type Locale } from "@formwork/schema";
import type { RecordScope } from "../permissions/scope";
import { isImportable } from "./values";

export type ImportMode = "insert" | "update" | "upsert";

export interface ColumnMapping {
  column: number;
  fieldId: string;
}

const normal = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

function labelsOf(field: FieldDefinition): string[] {
  const label = field.label as Parameters<typeof localize>[0];
  const texts = [field.id];
  if (typeof label === "string") texts.push(label);
  else if (label) texts.push(...(["zh-CN", "en"] as Locale[]).map((l) => localize(label, l, "")));
  return texts.filter((t) => t !== "").map(normal);
}

export function importableFields(form: PublishedForm): FieldDefinition[] {
  return form.definition.fields.filter(isImportable);
}

/** Each header matched to at most one field and each field to at most one header (the first). */
export function suggestMapping(
  headers: readonly string[],
  fields: readonly FieldDefinition[],
): ColumnMapping[] {
  const taken = new Set<string>();
  const mapping: ColumnMapping[] = [];
  headers.forEach((header, column) => {
    if (header === "") return;
    const field = fields.find((f) => !taken.has(f.id) && labelsOf(f).includes(normal(header)));
    if (!field) return;
    taken.add(field.id);
    mapping.push({ column, fieldId: field.id });
  });
  return mapping;
}

function bad(path: string, message: string, code: string): FormworkError {
  return new FormworkError("VALIDATION_FAILED", message, [{ path, message, code }]);
}

/** Refuses a mapping naming a missing column, an unknown, unimportable or unwritable field, or a field twice. */
export function checkMapping(
  form: PublishedForm,
  scope: RecordScope,
  headers: readonly string[],
  mapping: readonly ColumnMapping[],
  mode: ImportMode,
  keyField: string | undefined,
): void {
  const byId = new Map(form.definition.fields.map((f) => [f.id, f]));
  const seen = new Set<string>();
  mapping.forEach(({ column, fieldId }, index) => {
    if (column >= headers.length)
      throw bad(`/mapping/${index}/column`, `The file has no column ${column + 1}`, "NO_COLUMN");
    const field = byId.get(fieldId);
    if (!field || !isImportable(field))
      throw bad(
        `/mapping/${index}/fieldId`,
        `"${fieldId}" is not a field a column can fill`,
        "NOT_IMPORTABLE",
      );
    if (seen.has(fieldId))
      throw bad(`/mapping/${index}/fieldId`, `Two columns fill the field "${fieldId}"`, "FIELD_TWICE");
    seen.add(fieldId);
    const writable =
      mode === "insert"
        ? scope.editableOnCreate.has(fieldId)
        : mode === "update"
          ? scope.editableOnEdit.has(fieldId) || fieldId === keyField
          : (scope.editableOnCreate.has(fieldId) && scope.editableOnEdit.has(fieldId)) ||
            fieldId === keyField;
    if (!scope.full && !writable)
      throw new FormworkError("READ_ONLY_FIELD", `You may not set the field "${fieldId}"`, [
        { path: `/mapping/${index}/fieldId`, message: "not writable for you" },
      ]);
  });
  if (mapping.length === 0) throw bad("/mapping", "Map at least one column to a field", "EMPTY_MAPPING");
  if (mode === "insert") return;
  if (keyField === undefined)
    throw bad("/keyField", "Choose the field that finds the records to update", "NO_KEY");
  if (!isKeyField(form, keyField) || !byId.has(keyField) || !scope.visibleFields.has(keyField))
    throw bad(
      "/keyField",
      `"${keyField}" cannot identify records (a text or number field is needed)`,
      "BAD_KEY",
    );
  if (!mapping.some((m) => m.fieldId === keyField))
    throw bad("/keyField", "Map a column to the key field", "KEY_NOT_MAPPED");
}
