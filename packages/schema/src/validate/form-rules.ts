import { pointer } from "../errors";
import type { FieldIndex } from "./field-index";
import type { IssueList } from "./result";
import { checkRuleRefs } from "./rule-refs";
import { asArray, prop } from "./tolerant";

/** Form-level references: submit validation rules, quotas and the title field. */
export function checkFormRules(form: unknown, index: FieldIndex, issues: IssueList): void {
  asArray(prop(form, "quotas")).forEach((quota, i) => {
    const field = prop(quota, "field");
    if (typeof field === "string" && !index.fields.has(field))
      issues.add(
        "UNKNOWN_FIELD_REF",
        pointer("quotas", i, "field"),
        `"${field}" is not a field of this form`,
      );
    const condition = prop(quota, "condition");
    if (condition !== undefined)
      checkRuleRefs(condition, pointer("quotas", i, "condition"), { kind: "form" }, index, issues);
  });
  asArray(prop(form, "validations")).forEach((validation, i) => {
    const rule = prop(validation, "rule");
    if (rule !== undefined)
      checkRuleRefs(rule, pointer("validations", i, "rule"), { kind: "form" }, index, issues);
  });
  const titleField = prop(prop(form, "settings"), "titleField");
  if (typeof titleField === "string" && !index.fields.has(titleField)) {
    issues.add(
      "UNKNOWN_FIELD_REF",
      pointer("settings", "titleField"),
      `"${titleField}" is not a field of this form`,
    );
  }
}
