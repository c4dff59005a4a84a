import { pointer } from "../errors";
import type { FieldType } from "../types";
import { FIELD_TYPES } from "../types";
import { COMPUTABLE, OPTION_FIELD_TYPES, UNIQUE_CAPABLE } from "./field-capabilities";
import type { FieldIndex, FieldInfo } from "./field-index";
import { resolveName } from "./refs";
import type { IssueList } from "./result";
import { checkRuleRefs } from "./rule-refs";
import { asArray, prop, stringProp } from "./tolerant";

const knownTypes = new Set<string>(FIELD_TYPES);

function checkDuplicateIds(fields: FieldInfo[], issues: IssueList, where: string): void {
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.id)) {
      issues.add(
        "DUPLICATE_FIELD_ID",
        `${field.path}${pointer("id")}`,
        `another field ${where} already has the id "${field.id}"`,
      );
    }
    seen.add(field.id);
  }
}

function checkOptions(field: FieldInfo, issues: IssueList): void {
  if (!field.type || !OPTION_FIELD_TYPES.has(field.type)) return;
  const seen = new Set<string>();
  asArray(prop(field.raw, "options")).forEach((option, i) => {
    const value = stringProp(option, "value");
    if (value === undefined) return;
    if (seen.has(value)) {
      issues.add(
        "DUPLICATE_OPTION_VALUE",
        `${field.path}${pointer("options", i, "value")}`,
        `another option already has the value "${value.slice(0, 100)}"`,
      );
    }
    seen.add(value);
  });
}

function checkCapabilities(field: FieldInfo, issues: IssueList): void {
  if (!field.type || !knownTypes.has(field.type)) return;
  const type = field.type as FieldType;
  if (prop(field.raw, "formula") !== undefined && !COMPUTABLE[type]) {
    issues.add(
      "FORMULA_NOT_ALLOWED",
      `${field.path}${pointer("formula")}`,
      `a ${type} field cannot be computed by a formula`,
    );
  }
  if (prop(field.raw, "unique") === true && !UNIQUE_CAPABLE[type]) {
    issues.add("UNIQUE_NOT_ALLOWED", `${field.path}${pointer("unique")}`, `a ${type} field cannot be unique`);
  }
}

function checkFieldName(
  name: unknown,
  path: string,
  field: FieldInfo,
  index: FieldIndex,
  issues: IssueList,
): void {
  if (typeof name !== "string") return;
  const scope = field.parent ? { kind: "form" as const, subform: field.parent } : { kind: "form" as const };
  const resolved = resolveName(name, index, scope);
  if (resolved.kind === "unknown") issues.add("UNKNOWN_FIELD_REF", path, resolved.message);
}

/** Settings that name fields of this form: serial `{field}` parts, link fill targets, linkage matches. */
function checkSettingRefs(field: FieldInfo, index: FieldIndex, issues: IssueList): void {
  if (field.type === "serial") {
    asArray(prop(field.raw, "pattern")).forEach((part, i) => {
      checkFieldName(
        prop(part, "field"),
        `${field.path}${pointer("pattern", i, "field")}`,
        field,
        index,
        issues,
      );
    });
  }
  if (field.type === "link") {
    asArray(prop(field.raw, "fill")).forEach((rule, i) => {
      checkFieldName(prop(rule, "to"), `${field.path}${pointer("fill", i, "to")}`, field, index, issues);
    });
  }
  asArray(prop(prop(prop(field.raw, "default"), "linkage"), "match")).forEach((match, i) => {
    const path = `${field.path}${pointer("default", "linkage", "match", i, "equals")}`;
    checkFieldName(prop(match, "equals"), path, field, index, issues);
  });
}

/** json-logic on a field: its display rule over this form, filters over the other form. */
function checkFieldRules(field: FieldInfo, index: FieldIndex, issues: IssueList): void {
  const visibleWhen = prop(field.raw, "visibleWhen");
  if (visibleWhen !== undefined) {
    const scope = field.parent ? { kind: "form" as const, subform: field.parent } : { kind: "form" as const };
    checkRuleRefs(visibleWhen, `${field.path}${pointer("visibleWhen")}`, scope, index, issues);
  }
  const filter = prop(field.raw, "filter");
  if (filter !== undefined) {
    checkRuleRefs(filter, `${field.path}${pointer("filter")}`, { kind: "other" }, index, issues);
  }
}

/** Every check on the fields themselves, apart from formulas. */
export function checkFields(index: FieldIndex, issues: IssueList): void {
  checkDuplicateIds(
    index.all.filter((f) => !f.parent),
    issues,
    "of the form",
  );
  for (const field of index.all) {
    if (field.parent && field.type === "subform") {
      issues.add(
        "NESTED_SUBFORM",
        `${field.path}${pointer("type")}`,
        "a sub-form cannot contain another sub-form",
      );
    }
    if (field.columns)
      checkDuplicateIds(
        index.all.filter((f) => f.parent === field),
        issues,
        `of sub-form "${field.id}"`,
      );
    checkOptions(field, issues);
    checkCapabilities(field, issues);
    checkSettingRefs(field, index, issues);
    checkFieldRules(field, index, issues);
  }
}
