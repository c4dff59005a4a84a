// The node's field permission map as the designer edits it: top-level fields by id, sub-form columns as
// "<subform>.<column>" (the keys the engine and the server read). A column never gets more than its
// sub-form — editing a column needs an editable sub-form — so an entry is kept only while it narrows.
import type { FieldDefinition, FieldPermission } from "@formwork/schema";

export const RANK: Record<FieldPermission, number> = { hidden: 0, view: 1, edit: 2 };

type Map = Readonly<Record<string, FieldPermission>> | undefined;

export function topLevel(value: Map, fallback: FieldPermission, id: string): FieldPermission {
  return value?.[id] ?? fallback;
}

/** A column's level: its own entry when it narrows the sub-form's, else the sub-form's. */
export function columnLevel(value: Map, fallback: FieldPermission, parent: string, column: string) {
  const own = value?.[`${parent}.${column}`];
  const top = topLevel(value, fallback, parent);
  return own !== undefined && RANK[own] < RANK[top] ? own : top;
}

/**
 * The map after `changes`: every top-level field written out (a field added later is then an explicit
 * decision), plus the column entries that still narrow their sub-form.
 */
export function withChanges(
  fields: readonly FieldDefinition[],
  value: Map,
  fallback: FieldPermission,
  changes: Record<string, FieldPermission>,
): Record<string, FieldPermission> {
  const next: Record<string, FieldPermission> = Object.fromEntries(
    fields.map((f) => [f.id, topLevel(value, fallback, f.id)]),
  );
  for (const field of fields) if (Object.hasOwn(changes, field.id)) next[field.id] = changes[field.id]!;
  for (const field of fields) {
    if (field.type !== "subform") continue;
    for (const column of field.fields) {
      const key = `${field.id}.${column.id}`;
      const own = Object.hasOwn(changes, key) ? changes[key] : value?.[key];
      if (own !== undefined && RANK[own] < RANK[next[field.id]!]) next[key] = own;
    }
  }
  return next;
}
