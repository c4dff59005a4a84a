import { FLOW_SCHEMA_ID } from "../schemas/flow";
import { FORM_WITHOUT_FLOW_SCHEMA_ID } from "../schemas/form";
import type { FormDefinition } from "../types";
import { checkComputedCycles } from "./computed-cycles";
import { indexFields } from "./field-index";
import { checkFields } from "./fields";
import { checkFormRules } from "./form-rules";
import { checkFormulas } from "./formulas";
import { type DefinitionValidation, type FormulaAnalyzer, IssueList } from "./result";
import { checkPropertySchema, checkSchema } from "./schema-issues";
import { prop } from "./tolerant";
import { checkFlow } from "./validate-flow";

/**
 * Validate a form definition (and its flow, when it has one). Never throws on any input; returns every
 * issue with a stable code and a JSON pointer. Semantic checks run even when the schema check fails, so
 * one round trip shows the designer everything that is wrong.
 */
export function validateFormDefinition(
  def: unknown,
  analyzer: FormulaAnalyzer,
): DefinitionValidation<FormDefinition> {
  const issues = new IssueList();
  if (checkSchema(FORM_WITHOUT_FLOW_SCHEMA_ID, def, issues)) {
    const flow = prop(def, "flow");
    // Checked apart from the form so forms without a flow never compile the flow schema.
    if (flow !== undefined) checkPropertySchema(FLOW_SCHEMA_ID, def as object, "flow", issues);
    const index = indexFields(def);
    checkFields(index, issues);
    checkFormRules(def, index, issues);
    checkComputedCycles(checkFormulas(index, analyzer, issues), issues);
    if (flow !== undefined) checkFlow(flow, index, "/flow", issues);
  }
  return issues.items.length === 0
    ? { ok: true, value: def as FormDefinition }
    : { ok: false, issues: issues.items };
}
