// The one entry the server calls to accept a form definition: the schema package's structural and
// reference checks (with the expressions package's formula analyser plugged in), then the field types'
// own settings checks.
import { analyzeFormula } from "@formwork/expressions";
import { type DefinitionValidation, type FormDefinition, validateFormDefinition } from "@formwork/schema";
import { checkFieldSettings } from "./field-settings";

/** Issues after which the definition's shape can't be trusted enough to look at field settings. */
const SHAPE_CODES = new Set([
  "SCHEMA_VIOLATION",
  "UNKNOWN_PROPERTY",
  "TOO_DEEP",
  "UNKNOWN_FIELD_TYPE",
  "INVALID_ID",
]);

export function validateDefinition(def: unknown): DefinitionValidation<FormDefinition> {
  const base = validateFormDefinition(def, analyzeFormula);
  if (!base.ok && base.issues.some((issue) => SHAPE_CODES.has(issue.code))) return base;
  const settings = checkFieldSettings(def as FormDefinition);
  const issues = [...(base.ok ? [] : base.issues), ...settings];
  return issues.length === 0 ? { ok: true, value: def as FormDefinition } : { ok: false, issues };
}
