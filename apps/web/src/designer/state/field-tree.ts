// The definition as a two-level tree: top-level fields, and the columns of each sub-form.
import type { FieldDefinition, FormDefinition } from "@formwork/schema";

/** Where a list of fields lives: the form itself (no parent) or the sub-form with this id. */
export interface FieldPlace {
  parent?: string;
}

export function fieldsAt(def: FormDefinition, parent?: string): FieldDefinition[] {
  if (parent === undefined) return def.fields;
  const owner = def.fields.find((f) => f.id === parent);
  return owner?.type === "subform" ? owner.fields : [];
}

/** A copy of `def` with the list at `parent` replaced (unchanged when the parent is not a sub-form). */
export function withFieldsAt(
  def: FormDefinition,
  parent: string | undefined,
  fields: FieldDefinition[],
): FormDefinition {
  if (parent === undefined) return { ...def, fields };
  return {
    ...def,
    fields: def.fields.map((f) => (f.id === parent && f.type === "subform" ? { ...f, fields } : f)),
  };
}

export function findField(def: FormDefinition, id: string, parent?: string): FieldDefinition | undefined {
  return fieldsAt(def, parent).find((f) => f.id === id);
}

/** Every id in the form, sub-form columns included: new ids avoid all of them so a move never clashes. */
export function allFieldIds(def: FormDefinition): string[] {
  return def.fields.flatMap((f) => (f.type === "subform" ? [f.id, ...f.fields.map((c) => c.id)] : [f.id]));
}
