// What publishing changes compared with the last published version, for the publish summary.
import { fieldTypes } from "@formwork/fields";
import type { FieldDefinition, FormDefinition } from "@formwork/schema";

export interface TypeChange {
  id: string;
  from: FieldDefinition["type"];
  to: FieldDefinition["type"];
  /** The stored column changes kind: existing values may not convert. */
  incompatible: boolean;
}

export interface DefinitionChanges {
  added: FieldDefinition[];
  removed: FieldDefinition[];
  /** Same id, different definition (type changes included). */
  changed: FieldDefinition[];
  typeChanges: TypeChange[];
}

/** Fields keyed by path: top-level ids, and `subform.column` for sub-form columns. */
function byPath(def: FormDefinition | undefined): Map<string, FieldDefinition> {
  const map = new Map<string, FieldDefinition>();
  for (const field of def?.fields ?? []) {
    map.set(field.id, field);
    if (field.type === "subform")
      for (const column of field.fields) map.set(`${field.id}.${column.id}`, column);
  }
  return map;
}

function storage(field: FieldDefinition): string {
  const column = (fieldTypes[field.type].column as (f: FieldDefinition) => { sqlType: string } | null)(field);
  return column?.sqlType ?? (field.type === "subform" ? "rows" : "none");
}

/** A sub-form's own settings; its columns are compared one by one under their own paths. */
function withoutColumns(field: FieldDefinition): unknown {
  if (field.type !== "subform") return field;
  const { fields: _columns, ...own } = field;
  return own;
}

export function definitionChanges(
  published: FormDefinition | undefined,
  draft: FormDefinition,
): DefinitionChanges {
  const before = byPath(published);
  const after = byPath(draft);
  const changes: DefinitionChanges = { added: [], removed: [], changed: [], typeChanges: [] };
  for (const [path, field] of after) {
    const old = before.get(path);
    if (!old) {
      changes.added.push(field);
      continue;
    }
    if (JSON.stringify(withoutColumns(old)) !== JSON.stringify(withoutColumns(field)))
      changes.changed.push(field);
    if (old.type !== field.type) {
      changes.typeChanges.push({
        id: path,
        from: old.type,
        to: field.type,
        incompatible: storage(old) !== storage(field),
      });
    }
  }
  for (const [path, field] of before) if (!after.has(path)) changes.removed.push(field);
  return changes;
}
