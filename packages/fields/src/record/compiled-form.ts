// Everything the pipeline needs from a form definition, worked out once per form object: fields by id,
// sub-form columns, formulas compiled to json-logic in evaluation order, display rules.
import { computeOrder, type FormulaLogic, parseFormula } from "@formwork/expressions";
import type { FieldDefinition, FieldOf, FormDefinition, JsonLogic } from "@formwork/schema";
import { storedColumns } from "../registry";

export interface CompiledSubform {
  field: FieldOf<"subform">;
  /** Every column by id (stored or not), so a key naming a layout column is not "unknown". */
  columns: Map<string, FieldDefinition>;
  /** Columns that hold a value in a row. */
  stored: FieldDefinition[];
}

export interface ComputedStep {
  /** `field` or `subform.column`. */
  path: string;
  field: FieldDefinition;
  subform?: string;
  /** null when the formula does not parse: the definition validator refuses such forms; stay safe anyway. */
  logic: FormulaLogic | null;
}

export interface CompiledForm {
  form: FormDefinition;
  fields: Map<string, FieldDefinition>;
  subforms: Map<string, CompiledSubform>;
  /** Computed fields and columns in dependency order. */
  computed: ComputedStep[];
  /** Fields and sub-form columns with a display rule. */
  visibility: { field: FieldDefinition; subform?: string; rule: JsonLogic }[];
  /** Compiled `{formula}` defaults by path. */
  defaultFormulas: Map<string, FormulaLogic | null>;
}

const cache = new WeakMap<FormDefinition, CompiledForm>();

function compileText(text: string): FormulaLogic | null {
  const parsed = parseFormula(text);
  return parsed.ok ? parsed.logic : null;
}

function compileDefault(field: FieldDefinition, path: string, into: Map<string, FormulaLogic | null>): void {
  const value = field.default;
  if (value && "formula" in value && typeof value.formula === "string")
    into.set(path, compileText(value.formula));
}

export function compileForm(form: FormDefinition): CompiledForm {
  const cached = cache.get(form);
  if (cached) return cached;
  const fields = new Map<string, FieldDefinition>();
  const subforms = new Map<string, CompiledSubform>();
  const byPath = new Map<string, { field: FieldDefinition; subform?: string }>();
  const visibility: CompiledForm["visibility"] = [];
  const defaultFormulas = new Map<string, FormulaLogic | null>();

  for (const field of form.fields) {
    fields.set(field.id, field);
    byPath.set(field.id, { field });
    if (field.visibleWhen !== undefined) visibility.push({ field, rule: field.visibleWhen });
    compileDefault(field, field.id, defaultFormulas);
    if (field.type !== "subform") continue;
    const columns = new Map<string, FieldDefinition>();
    for (const column of field.fields ?? []) {
      columns.set(column.id, column);
      byPath.set(`${field.id}.${column.id}`, { field: column, subform: field.id });
      if (column.visibleWhen !== undefined)
        visibility.push({ field: column, subform: field.id, rule: column.visibleWhen });
      compileDefault(column, `${field.id}.${column.id}`, defaultFormulas);
    }
    subforms.set(field.id, { field, columns, stored: storedColumns(field) });
  }

  const { order } = computeOrder(
    form.fields.map((field) => ({
      id: field.id,
      ...(field.formula !== undefined ? { formula: field.formula } : {}),
      ...(field.type === "subform"
        ? {
            subformColumns: (field.fields ?? []).map((c) => ({
              id: c.id,
              ...(c.formula !== undefined ? { formula: c.formula } : {}),
            })),
          }
        : {}),
    })),
  );
  const computed: ComputedStep[] = [];
  for (const path of order) {
    const target = byPath.get(path);
    if (!target || target.field.formula === undefined) continue;
    computed.push({
      path,
      field: target.field,
      ...(target.subform !== undefined ? { subform: target.subform } : {}),
      logic: compileText(target.field.formula),
    });
  }

  const compiled: CompiledForm = { form, fields, subforms, computed, visibility, defaultFormulas };
  cache.set(form, compiled);
  return compiled;
}
