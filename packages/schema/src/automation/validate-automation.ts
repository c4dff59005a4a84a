// validateAutomation: never throws; every issue with a stable code and a JSON pointer into the
// definition, like forms. The shape is checked by the JSON Schema; with a context (the app's forms by
// key) every form and field reference is checked too, and with a formula analyzer every mapping formula.
import { pointerSegment } from "../errors";
import { definitionAjv } from "../schemas/registry";
import type { DefinitionIssue } from "../types";
import { type DefinitionValidation, type FormulaAnalyzer, IssueList } from "../validate/result";
import { checkSchema } from "../validate/schema-issues";
import type { AutomationIssueCode } from "./codes";
import { AUTOMATION_SCHEMA_ID, automationSchema } from "./schema";
import type { AutomationAction, AutomationContext, AutomationDefinition, FieldMapping } from "./types";

export interface AutomationValidationOptions {
  /** The app's forms: without it, references are not checked (a bundle checks its own forms). */
  context?: AutomationContext;
  /** The formula parser (`analyzeFormula` of @formwork/expressions); without it formulas are not parsed. */
  analyzeFormula?: FormulaAnalyzer;
}

/**
 * The trigger record's id in a formula: `trigger.id` (read as sub-form `trigger`'s column `id`, so a
 * trigger form with a field `trigger` keeps its meaning and this name is not available there).
 */
export const RECORD_ID = "trigger.id";
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_TYPES = new Set(["date", "datetime"]);
const MEMBER_TYPES = new Set(["member", "members"]);
/** Fields whose value is a list an update can add to or remove from. */
export const LIST_TYPES = new Set(["multiselect", "checkbox", "members", "departments"]);

class Issues {
  readonly items: DefinitionIssue[] = [];
  add(code: AutomationIssueCode, path: string, message: string): void {
    this.items.push({ code, path, message });
  }
}

export function validateAutomation(
  definition: unknown,
  options: AutomationValidationOptions = {},
): DefinitionValidation<AutomationDefinition> {
  if (!definitionAjv().getSchema(AUTOMATION_SCHEMA_ID)) definitionAjv().addSchema(automationSchema);
  const shape = new IssueList();
  checkSchema(AUTOMATION_SCHEMA_ID, definition, shape);
  if (shape.items.length > 0) return { ok: false, issues: shape.items };
  const def = definition as AutomationDefinition;
  const issues = new Issues();
  checkTrigger(def, issues);
  if (def.trigger.type === "schedule") {
    for (const [i, action] of def.actions.entries()) {
      if (action.type === "assign")
        issues.add("NEEDS_RECORD", `/actions/${i}`, "a schedule has no trigger record to assign");
    }
  }
  const forms = options.context?.forms;
  const source = forms?.get(def.form);
  if (forms && !source) issues.add("UNKNOWN_FORM", "/form", `the app has no form "${def.form}"`);
  const fieldsOf = (key: string) => forms?.get(key);
  if (source) checkTriggerFields(def, source, issues);
  if (source && def.condition !== undefined) checkVars(def.condition, "/condition", source, issues);
  for (const [i, action] of def.actions.entries()) {
    checkAction(
      action,
      `/actions/${i}`,
      source,
      fieldsOf,
      forms !== undefined,
      options.analyzeFormula,
      issues,
    );
  }
  return issues.items.length === 0 ? { ok: true, value: def } : { ok: false, issues: issues.items };
}

function checkTrigger(def: AutomationDefinition, issues: Issues): void {
  const trigger = def.trigger;
  if (trigger.type !== "schedule" && trigger.type !== "dateField") return;
  if (!TIME.test(trigger.time)) issues.add("INVALID_TIME", "/trigger/time", `"${trigger.time}" is not HH:MM`);
  if (trigger.type !== "schedule") return;
  if (trigger.frequency === "weekly" && trigger.weekday === undefined)
    issues.add("MISSING_SETTING", "/trigger/weekday", "a weekly schedule needs its weekday");
  if (trigger.frequency === "monthly" && trigger.monthDay === undefined)
    issues.add("MISSING_SETTING", "/trigger/monthDay", "a monthly schedule needs its day of the month");
}

function checkTriggerFields(def: AutomationDefinition, fields: ReadonlyMap<string, string>, issues: Issues) {
  const trigger = def.trigger;
  if (trigger.type === "recordUpdated") {
    for (const [i, id] of (trigger.fields ?? []).entries()) {
      if (!fields.has(id)) issues.add("UNKNOWN_FIELD", `/trigger/fields/${i}`, `no field "${id}"`);
    }
  }
  if (trigger.type === "dateField") {
    const type = fields.get(trigger.field);
    if (type === undefined) issues.add("UNKNOWN_FIELD", "/trigger/field", `no field "${trigger.field}"`);
    else if (!DATE_TYPES.has(type))
      issues.add("NOT_A_DATE_FIELD", "/trigger/field", `"${trigger.field}" is a ${type} field, not a date`);
  }
}

function checkAction(
  action: AutomationAction,
  at: string,
  source: ReadonlyMap<string, string> | undefined,
  fieldsOf: (key: string) => ReadonlyMap<string, string> | undefined,
  checkRefs: boolean,
  analyze: FormulaAnalyzer | undefined,
  issues: Issues,
): void {
  if (action.type === "webhook") return;
  if (action.type === "assign") {
    const type = source?.get(action.field);
    if (source && type === undefined)
      issues.add("UNKNOWN_FIELD", `${at}/field`, `no field "${action.field}"`);
    else if (type !== undefined && type !== "member")
      issues.add("NOT_A_MEMBER_FIELD", `${at}/field`, `"${action.field}" is not a single-member field`);
    if (source && action.condition !== undefined)
      checkVars(action.condition, `${at}/condition`, source, issues);
    return;
  }
  if (action.type === "notify") {
    checkFormula(action.title, `${at}/title`, source, analyze, issues);
    for (const [i, id] of (action.userFields ?? []).entries()) {
      const type = source?.get(id);
      if (source && type === undefined)
        issues.add("UNKNOWN_FIELD", `${at}/userFields/${i}`, `no field "${id}"`);
      else if (type !== undefined && !MEMBER_TYPES.has(type))
        issues.add("NOT_A_MEMBER_FIELD", `${at}/userFields/${i}`, `"${id}" is not a member field`);
    }
    return;
  }
  const target = fieldsOf(action.form);
  if (checkRefs && !target) issues.add("UNKNOWN_FORM", `${at}/form`, `the app has no form "${action.form}"`);
  if (action.type !== "createRecord" && target)
    checkVars(action.condition, `${at}/condition`, target, issues);
  if (action.type !== "deleteRecords")
    checkMapping(action.fields, `${at}/fields`, source, target, analyze, issues);
  if (action.type !== "updateRecords") return;
  for (const key of ["add", "remove"] as const) {
    const mapping = action[key];
    if (!mapping) continue;
    checkMapping(mapping, `${at}/${key}`, source, target, analyze, issues);
    for (const field of Object.keys(mapping)) {
      const type = target?.get(field);
      if (type !== undefined && !LIST_TYPES.has(type))
        issues.add(
          "NOT_A_LIST_FIELD",
          `${at}/${key}/${pointerSegment(field)}`,
          `"${field}" is a ${type} field`,
        );
    }
  }
}

function checkMapping(
  mapping: FieldMapping,
  at: string,
  source: ReadonlyMap<string, string> | undefined,
  target: ReadonlyMap<string, string> | undefined,
  analyze: FormulaAnalyzer | undefined,
  issues: Issues,
): void {
  for (const [field, formula] of Object.entries(mapping)) {
    const path = `${at}/${pointerSegment(field)}`;
    if (target && !target.has(field))
      issues.add("UNKNOWN_FIELD", path, `the target form has no field "${field}"`);
    checkFormula(formula, path, source, analyze, issues);
  }
}

/** A formula over the trigger record: it parses, and names only the trigger form's fields. */
function checkFormula(
  formula: string,
  path: string,
  source: ReadonlyMap<string, string> | undefined,
  analyze: FormulaAnalyzer | undefined,
  issues: Issues,
): void {
  if (!analyze) return;
  const { refs, diagnostics } = analyze(formula);
  const first = diagnostics[0];
  if (first) {
    issues.items.push({
      code: "FORMULA_INVALID",
      path,
      message: first.message,
      line: first.line,
      column: first.column,
      length: first.length,
    });
    return;
  }
  if (!source) return;
  for (const ref of refs) {
    const name = ref.split(".")[0]!;
    if (ref === RECORD_ID && !source.has("trigger")) continue;
    if (!source.has(name)) issues.add("UNKNOWN_FIELD", path, `the trigger form has no field "${name}"`);
  }
}

/** Every `{"var": name}` of a condition names a field of `fields` or a `$` value. */
function checkVars(rule: unknown, path: string, fields: ReadonlyMap<string, string>, issues: Issues): void {
  if (Array.isArray(rule)) {
    rule.forEach((item, i) => {
      checkVars(item, `${path}/${i}`, fields, issues);
    });
    return;
  }
  if (typeof rule !== "object" || rule === null) return;
  for (const [operator, args] of Object.entries(rule)) {
    const at = `${path}/${pointerSegment(operator)}`;
    const name = operator === "var" ? (Array.isArray(args) ? args[0] : args) : undefined;
    if (typeof name === "string") {
      const head = name.split(".")[0]!;
      if (head !== "" && !head.startsWith("$") && !fields.has(head))
        issues.add("UNKNOWN_FIELD", Array.isArray(args) ? `${at}/0` : at, `no field "${head}"`);
    } else checkVars(args, at, fields, issues);
  }
}
