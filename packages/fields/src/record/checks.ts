// The checks after values are final: required, each type's own rules, the record schema, and the
// form's submit validations. Every problem is reported, each with a pointer into the data.
import type { EvalContext } from "@formwork/expressions";
import { type FieldDefinition, type Locale, pointer } from "@formwork/schema";
import type { ErrorObject } from "ajv";
import { getFieldType } from "../registry";
import { localize, message } from "../shared/messages";
import { isPlainObject } from "../shared/values";
import { takesInput } from "./accept";
import type { CompiledForm } from "./compiled-form";
import { type RecordError, recordError } from "./errors";
import { ruleHolds } from "./evaluation";
import { compileRecordValidator } from "./validator";
import type { HiddenSet } from "./visibility";

function requiredError(path: string, locale: Locale): RecordError {
  return recordError(path, "REQUIRED", message("此项为必填项", "Is required"), locale);
}

function isMissing(field: FieldDefinition, value: unknown): boolean {
  return Boolean(field.required) && takesInput(field) && getFieldType(field.type).isEmpty(value);
}

/** `pending` holds the pointers of linkage defaults the server fills in later; they are not missing yet. */
export function checkRequired(
  data: Record<string, unknown>,
  compiled: CompiledForm,
  hidden: HiddenSet,
  pending: ReadonlySet<string>,
  locale: Locale,
): RecordError[] {
  const errors: RecordError[] = [];
  for (const [id, field] of compiled.fields) {
    if (hidden.has(id)) continue;
    if (isMissing(field, data[id]) && !pending.has(pointer(id)))
      errors.push(requiredError(pointer(id), locale));
    const sub = compiled.subforms.get(id);
    const rows = data[id];
    if (!sub || !Array.isArray(rows)) continue;
    rows.forEach((row, index) => {
      if (!isPlainObject(row)) return;
      for (const column of sub.stored) {
        const path = pointer(id, index, column.id);
        if (!hidden.has(`${id}.${column.id}`) && isMissing(column, row[column.id]) && !pending.has(path))
          errors.push(requiredError(path, locale));
      }
    });
  }
  return errors;
}

export function checkValues(
  data: Record<string, unknown>,
  compiled: CompiledForm,
  locale: Locale,
): RecordError[] {
  const errors: RecordError[] = [];
  for (const [id, field] of compiled.fields) {
    const def = getFieldType(field.type);
    if (!def.stored) continue;
    for (const found of def.validate(data[id], field))
      errors.push({
        path: `${pointer(id)}${found.path}`,
        code: "INVALID_VALUE",
        message: found.message[locale],
      });
  }
  return errors;
}

function schemaErrorPath(error: ErrorObject): string {
  if (error.keyword === "additionalProperties")
    return `${error.instancePath}${pointer(String(error.params.additionalProperty))}`;
  if (error.keyword === "required")
    return `${error.instancePath}${pointer(String(error.params.missingProperty))}`;
  return error.instancePath;
}

/** Schema violations not already explained by a field's own, friendlier message at or above the same spot. */
export function checkSchema(
  data: Record<string, unknown>,
  form: CompiledForm,
  reported: RecordError[],
  locale: Locale,
) {
  const validate = compileRecordValidator(form.form);
  if (validate(data)) return [];
  const covered = (path: string) => reported.some((e) => path === e.path || path.startsWith(`${e.path}/`));
  const errors: RecordError[] = [];
  for (const error of validate.errors ?? []) {
    const path = schemaErrorPath(error);
    if (covered(path) || errors.some((e) => e.path === path)) continue;
    const code = error.keyword === "additionalProperties" ? "UNKNOWN_FIELD" : "INVALID_VALUE";
    const detail = error.message ?? error.keyword;
    errors.push(
      recordError(path, code, message(`值不符合要求（${detail}）`, `Is not valid: ${detail}`), locale),
    );
  }
  return errors;
}

export function checkRules(
  data: Record<string, unknown>,
  compiled: CompiledForm,
  evalCtx: EvalContext,
  locale: Locale,
): RecordError[] {
  const errors: RecordError[] = [];
  for (const validation of compiled.form.validations ?? []) {
    if (ruleHolds(validation.rule, data, evalCtx, false)) continue;
    const text = localize(
      validation.message,
      locale,
      locale === "en" ? "The record breaks a rule" : "不满足提交校验",
    );
    errors.push({ path: "", code: "RULE_FAILED", message: text });
  }
  return errors;
}
