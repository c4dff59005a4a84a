// Running formulas for the pipeline: evaluation context, and turning a formula's result into a value
// the target field stores (an Excel error such as #DIV/0! stores as empty).
import {
  type EvalContext,
  evaluate,
  evaluateRule,
  FormulaErrorValue,
  type FormulaLogic,
  type FormulaType,
  LogicLimitError,
} from "@formwork/expressions";
import type { FieldDefinition } from "@formwork/schema";
import { getFieldType } from "../registry";
import { DEFAULT_TIME_ZONE, dateInZone } from "../shared/dates";
import type { PrepareContext } from "./context";

export function evalContext(ctx: PrepareContext): EvalContext {
  return { now: ctx.now, timeZone: ctx.timeZone ?? DEFAULT_TIME_ZONE };
}

/** An instant ("2026-11-26T16:00:00.000Z") as the calendar date it is in the form's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function toStoredValue(result: unknown, field: FieldDefinition, ctx: EvalContext): unknown {
  if (result === undefined || result instanceof FormulaErrorValue) return null;
  if (typeof result === "number" && !Number.isFinite(result)) return null;
  if (field.type === "date" && typeof result === "string" && INSTANT.test(result)) {
    const instant = new Date(result);
    if (!Number.isNaN(instant.getTime())) result = dateInZone(instant, ctx.timeZone);
  }
  const def = getFieldType(field.type);
  const value = def.normalize(result, field);
  return fitsFormulaType(value, def.formulaType(field)) ? value : null;
}

/**
 * Does a normalised result have the shape of the field's formula type? The designer's type checker
 * catches most mismatches; one that slips through stores empty rather than an error the person
 * filling the form could not fix. Range and option rules are still checked and reported as usual.
 */
function fitsFormulaType(value: unknown, type: FormulaType): boolean {
  if (value === null) return true;
  if (typeof type === "object") return Array.isArray(value);
  switch (type) {
    case "number":
      return typeof value === "number";
    case "text":
    case "date":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    default:
      return true;
  }
}

/** Evaluate a compiled formula over `scope` and normalise the result for `field`. */
export function computeValue(
  logic: FormulaLogic | null,
  scope: Record<string, unknown>,
  field: FieldDefinition,
  ctx: EvalContext,
): unknown {
  if (logic === null) return null;
  let result: unknown;
  try {
    result = evaluate(logic, scope, ctx);
  } catch (error) {
    if (error instanceof LogicLimitError) return null;
    throw error;
  }
  return toStoredValue(result, field, ctx);
}

/**
 * A display rule's or submit validation's outcome. The evaluator refuses logic too deep or too large
 * to run; validateDefinition keeps such forms out, and should one slip through, the rule counts as
 * `whenTooLarge` instead of failing the whole request.
 */
export function ruleHolds(
  rule: unknown,
  data: Record<string, unknown>,
  ctx: EvalContext,
  whenTooLarge: boolean,
) {
  try {
    return evaluateRule(rule, data, ctx);
  } catch (error) {
    if (error instanceof LogicLimitError) return whenTooLarge;
    throw error;
  }
}

/** A row's formulas see the row's columns by bare id, and the rest of the record around them. */
export function rowScope(
  data: Record<string, unknown>,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const scope = Object.assign(Object.create(null) as Record<string, unknown>, data);
  for (const key of Object.keys(row)) scope[key] = row[key];
  return scope;
}
