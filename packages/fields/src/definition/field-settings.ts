// Checks of a field's settings that only the field type knows: bounds in the right order, patterns
// that compile, defaults of a mode the type offers and a value the field would accept.
import {
  createAjv,
  type DefinitionIssue,
  type FieldDefinition,
  type FormDefinition,
  pointer,
} from "@formwork/schema";
import type { ValidateFunction } from "ajv";
import { getFieldType } from "../registry";
import { isCanonicalDate } from "../shared/dates";
import { compilePattern, isUnsafePattern } from "../shared/patterns";
import type { DefaultMode, JsonSchema } from "../types";

export const FIELD_SETTINGS_ISSUE_CODES = {
  RANGE_INVERTED: "A lower bound above its upper bound (min/max, lengths, selections, rows, dates).",
  INVALID_PATTERN: "A `pattern` that is not a valid regular expression.",
  UNSAFE_PATTERN:
    "A `pattern` with a nested unbounded repetition such as (a+)+, which can take exponential time.",
  DEFAULT_NOT_ALLOWED: "A default of a kind this field type does not offer.",
  DEFAULT_INVALID: "A constant default the field itself would reject.",
} as const;

const ajv = createAjv();
const schemaValidators = new WeakMap<FieldDefinition, ValidateFunction>();

function valueValidator(field: FieldDefinition, schema: JsonSchema): ValidateFunction {
  let validate = schemaValidators.get(field);
  if (!validate) {
    validate = ajv.compile(schema);
    ajv.removeSchema(schema);
    schemaValidators.set(field, validate);
  }
  return validate;
}

type Bounds = [lower: string, upper: string];
const BOUNDS: Bounds[] = [
  ["min", "max"],
  ["minLength", "maxLength"],
  ["minSelected", "maxSelected"],
  ["minRows", "maxRows"],
];

function checkBounds(field: Record<string, unknown>, path: string, issues: DefinitionIssue[]): void {
  for (const [lower, upper] of BOUNDS) {
    const low = field[lower];
    const high = field[upper];
    const comparable =
      (typeof low === "number" && typeof high === "number") ||
      (isCanonicalDate(low) && isCanonicalDate(high));
    if (comparable && (low as number | string) > (high as number | string))
      issues.push({
        code: "RANGE_INVERTED",
        path: `${path}/${lower}`,
        message: `${lower} is greater than ${upper}`,
      });
  }
}

function defaultMode(value: object): DefaultMode | undefined {
  const modes: DefaultMode[] = ["value", "formula", "currentUser", "currentDept", "today", "now", "linkage"];
  return modes.find((mode) => mode in value);
}

function checkDefault(field: FieldDefinition, path: string, issues: DefinitionIssue[]): void {
  const spec = field.default;
  if (spec === undefined) return;
  const def = getFieldType(field.type);
  const mode = defaultMode(spec);
  if (mode === undefined || !def.defaultModes.includes(mode)) {
    issues.push({
      code: "DEFAULT_NOT_ALLOWED",
      path: `${path}/default`,
      message: `a ${field.type} field cannot have a ${mode ?? "this kind of"} default`,
    });
    return;
  }
  if (!("value" in spec)) return;
  const value = def.normalize(spec.value, field);
  const problems = def.validate(value, field);
  const schemaOk = valueValidator(field, def.valueSchema(field))(value);
  if (problems.length > 0 || !schemaOk)
    issues.push({
      code: "DEFAULT_INVALID",
      path: `${path}/default/value${problems[0]?.path ?? ""}`,
      message: problems[0]?.message.en ?? "the default value does not fit the field",
    });
}

function checkField(field: FieldDefinition, path: string, issues: DefinitionIssue[]): void {
  checkBounds(field as unknown as Record<string, unknown>, path, issues);
  if ("pattern" in field && typeof field.pattern === "string" && compilePattern(field.pattern) === null) {
    const unsafe = isUnsafePattern(field.pattern);
    issues.push({
      code: unsafe ? "UNSAFE_PATTERN" : "INVALID_PATTERN",
      path: `${path}/pattern`,
      message: unsafe
        ? "a repetition inside a repetition, such as (a+)+, can take exponential time"
        : "not a valid regular expression",
    });
  }
  checkDefault(field, path, issues);
}

/** Every field and sub-form column of a schema-valid form. */
export function checkFieldSettings(form: FormDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  form.fields.forEach((field, i) => {
    const path = pointer("fields", i);
    checkField(field, path, issues);
    if (field.type !== "subform") return;
    (field.fields ?? []).forEach((column, j) => {
      checkField(column, `${path}${pointer("fields", j)}`, issues);
    });
  });
  return issues;
}
