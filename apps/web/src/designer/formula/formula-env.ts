// What a formula may reference and with which types: the checker's environment for one field.
import type { FormulaEnvironment, FormulaType } from "@formwork/expressions";
import { fieldTypes } from "@formwork/fields";
import type { FieldDefinition, FormDefinition } from "@formwork/schema";

function typeOf(field: FieldDefinition): FormulaType {
  return (fieldTypes[field.type].formulaType as (f: FieldDefinition) => FormulaType)(field);
}

/** A field a formula can name, as the picker lists it. */
export interface FormulaRef {
  ref: string;
  field: FieldDefinition;
  /** The sub-form the column belongs to. */
  subform?: FieldDefinition;
  type: FormulaType;
}

/**
 * Every reference the formula of `self` (a top-level field, or a column of `parent`) may use: stored
 * top-level fields, sub-form columns as arrays (`items.price`), and for a column its row siblings by id.
 */
export function formulaRefs(def: FormDefinition, self: string, parent?: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  for (const field of def.fields) {
    if (field.type === "subform") {
      for (const column of field.fields) {
        if (parent === field.id) {
          if (column.id !== self)
            refs.push({ ref: column.id, field: column, subform: field, type: typeOf(column) });
        } else {
          refs.push({
            ref: `${field.id}.${column.id}`,
            field: column,
            subform: field,
            type: { array: typeOf(column) },
          });
        }
      }
    } else if (field.id !== self && fieldTypes[field.type].stored) {
      refs.push({ ref: field.id, field, type: typeOf(field) });
    }
  }
  return refs;
}

export function formulaEnvironment(refs: FormulaRef[]): FormulaEnvironment {
  return { fields: Object.fromEntries(refs.map((r) => [r.ref, r.type])) };
}
