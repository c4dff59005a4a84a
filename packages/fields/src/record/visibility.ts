// Display rules (visibleWhen) re-run on the server: a hidden field keeps no value, and nothing about it
// is required. A sub-form column's rule reads the main form's data and hides the whole column, as in
// the designer.
import type { EvalContext } from "@formwork/expressions";
import { isPlainObject } from "../shared/values";
import type { CompiledForm } from "./compiled-form";
import type { RecordData } from "./context";
import { ruleHolds } from "./evaluation";

/** Paths hidden by their rules: `field` or `subform.column`. */
export type HiddenSet = Set<string>;

export function applyVisibility(data: RecordData, compiled: CompiledForm, evalCtx: EvalContext): HiddenSet {
  const hidden: HiddenSet = new Set();
  for (const { field, subform, rule } of compiled.visibility) {
    if (subform !== undefined && hidden.has(subform)) continue;
    if (ruleHolds(rule, data, evalCtx, true)) continue;
    if (subform === undefined) {
      hidden.add(field.id);
      data[field.id] = null;
      continue;
    }
    hidden.add(`${subform}.${field.id}`);
    const rows = data[subform];
    if (Array.isArray(rows)) for (const row of rows) if (isPlainObject(row)) delete row[field.id];
  }
  return hidden;
}
