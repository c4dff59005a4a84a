// Recomputes every computed field and sub-form column in dependency order. Client values for them were
// dropped on input, so what is stored is always what the formulas say.
import type { EvalContext } from "@formwork/expressions";
import { isPlainObject } from "../shared/values";
import type { CompiledForm } from "./compiled-form";
import type { RecordData } from "./context";
import { computeValue, rowScope } from "./evaluation";

export function computeFormulas(data: RecordData, compiled: CompiledForm, evalCtx: EvalContext): void {
  for (const step of compiled.computed) {
    if (step.subform === undefined) {
      data[step.field.id] = computeValue(step.logic, data, step.field, evalCtx);
      continue;
    }
    const rows = data[step.subform];
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (isPlainObject(row))
        row[step.field.id] = computeValue(step.logic, rowScope(data, row), step.field, evalCtx);
    }
  }
}
