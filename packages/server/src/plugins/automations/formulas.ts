// Field mappings and titles: formulas in the forms' formula language over the trigger record, parsed
// once per text (cached) and evaluated with the platform's evaluator; the result is normalised for the
// target field (a number mapped into a text field becomes its text), an Excel error stores as empty.
import { evaluate, FormulaErrorValue, type FormulaLogic, parseFormula } from "@formwork/expressions";
import { getFieldType } from "@formwork/fields";
import type { AutomationDefinition, FieldDefinition } from "@formwork/schema";

const parsed = new Map<string, FormulaLogic>();
const MAX_CACHED = 2_000;

export class MappingError extends Error {}

function logicOf(text: string): FormulaLogic {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const result = parseFormula(text);
  if (!result.ok) throw new MappingError(`formula "${text}": ${result.diagnostics[0]?.message ?? "invalid"}`);
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, result.logic);
  return result.logic;
}

export interface FormulaScope {
  data: Record<string, unknown>;
  now: Date;
  timeZone: string;
}

/** The raw value of a formula over the trigger record (null for an error value). */
export function formulaValue(text: string, scope: FormulaScope): unknown {
  const value = evaluate(logicOf(text), scope.data, { now: scope.now, timeZone: scope.timeZone });
  if (value instanceof FormulaErrorValue || value === undefined) return null;
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

const byIds = new WeakMap<readonly FieldDefinition[], ReadonlyMap<string, FieldDefinition>>();

/** The fields by id, once per fields array (a published form's definition is not changed in place). */
function fieldsById(fields: readonly FieldDefinition[]): ReadonlyMap<string, FieldDefinition> {
  let known = byIds.get(fields);
  if (!known) {
    known = new Map(fields.map((f) => [f.id, f]));
    byIds.set(fields, known);
  }
  return known;
}

/** The target record's data: each mapped field's formula value, normalised for that field. */
export function mappedData(
  mapping: Record<string, string>,
  fields: readonly FieldDefinition[],
  scope: FormulaScope,
): Record<string, unknown> {
  const byId = fieldsById(fields);
  const data: Record<string, unknown> = {};
  for (const [id, text] of Object.entries(mapping)) {
    const field = byId.get(id);
    if (!field) throw new MappingError(`the target form has no field "${id}"`);
    let value = formulaValue(text, scope);
    if (typeof value === "number" && (field.type === "text" || field.type === "textarea"))
      value = String(value);
    data[id] = value === null ? null : getFieldType(field.type).normalize(value, field as never);
  }
  return data;
}

/** A formula's value as notification text. */
export function formulaText(text: string, scope: FormulaScope): string {
  const value = formulaValue(text, scope);
  return value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
}

const reads = new WeakMap<AutomationDefinition, ReadonlySet<string> | null>();

/**
 * The trigger record's fields an automation reads — its condition's `var`s and its "create a record"
 * mappings' references (first path segment: `items.qty` reads `items`) — or null when that is not known
 * statically: another kind of action, a formula that does not parse, a computed `var`. Worked out once
 * per definition object (the automations' cache holds them).
 */
export function fieldsRead(definition: AutomationDefinition): ReadonlySet<string> | null {
  const known = reads.get(definition);
  if (known !== undefined) return known;
  const found = readsOf(definition);
  reads.set(definition, found);
  return found;
}

function readsOf(definition: AutomationDefinition): Set<string> | null {
  const out = new Set<string>();
  if (definition.condition !== undefined && definition.condition !== null) {
    if (!ruleVars(definition.condition, out)) return null;
  }
  for (const action of definition.actions) {
    if (action.type !== "createRecord") return null;
    for (const text of Object.values(action.fields)) {
      const result = parseFormula(text);
      if (!result.ok) return null;
      for (const ref of result.refs) out.add(ref.split(".")[0]!);
    }
  }
  return out;
}

/** Adds the field names a json-logic rule reads to `out`; false when one is computed. */
function ruleVars(rule: unknown, out: Set<string>): boolean {
  if (Array.isArray(rule)) return rule.every((item) => ruleVars(item, out));
  if (!rule || typeof rule !== "object") return true;
  for (const [op, args] of Object.entries(rule)) {
    if (op !== "var") {
      if (!ruleVars(args, out)) return false;
      continue;
    }
    const name = Array.isArray(args) ? args[0] : args;
    if (typeof name !== "string" && typeof name !== "number") return false;
    out.add(String(name).split(".")[0]!);
    // A default value (`{"var": ["a", fallback]}`) may itself read fields.
    if (Array.isArray(args) && !args.slice(1).every((item) => ruleVars(item, out))) return false;
  }
  return true;
}
