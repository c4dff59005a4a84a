import { pointer } from "../errors";
import type { FieldIndex, FieldInfo } from "./field-index";
import { findRef } from "./formula-position";
import { type Resolution, resolveName } from "./refs";
import type { FormulaAnalyzer, IssueList } from "./result";
import { prop, stringProp } from "./tolerant";

export interface AnalyzedFormula {
  field: FieldInfo;
  /** Resolved references, for the dependency graph of computed fields. */
  refs: Resolution[];
}

function analyze(formula: string, analyzer: FormulaAnalyzer): ReturnType<FormulaAnalyzer> | Error {
  try {
    return analyzer(formula);
  } catch (error) {
    // The analyzer is injected code; its failure is reported on the formula rather than thrown at the caller.
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Run the analyzer over one formula: its diagnostics become issues positioned in the formula text, and
 * each ref is resolved in the field's scope (sibling columns first inside a sub-form).
 */
export function checkFormula(
  formula: string,
  path: string,
  field: FieldInfo,
  index: FieldIndex,
  analyzer: FormulaAnalyzer,
  issues: IssueList,
): Resolution[] {
  const result = analyze(formula, analyzer);
  if (result instanceof Error) {
    issues.add("FORMULA_INVALID", path, `the formula could not be analysed: ${result.message}`);
    return [];
  }
  for (const d of result.diagnostics) {
    const code = d.code === "UNKNOWN_FIELD" ? "UNKNOWN_FIELD_REF" : "FORMULA_INVALID";
    issues.add(code, path, d.message, { line: d.line, column: d.column, length: d.length });
  }
  const scope = field.parent ? { kind: "form" as const, subform: field.parent } : { kind: "form" as const };
  const resolved: Resolution[] = [];
  for (const ref of new Set(result.refs)) {
    const resolution = resolveName(ref, index, scope);
    if (resolution.kind === "unknown") {
      issues.add(
        "UNKNOWN_FIELD_REF",
        path,
        `"${ref.slice(0, 100)}" is not a field of this form`,
        findRef(formula, ref),
      );
    }
    resolved.push(resolution);
  }
  return resolved;
}

/** Check `formula` and `default.formula` of every field; return the computed ones with their refs. */
export function checkFormulas(
  index: FieldIndex,
  analyzer: FormulaAnalyzer,
  issues: IssueList,
): AnalyzedFormula[] {
  const computed: AnalyzedFormula[] = [];
  for (const field of index.all) {
    const formula = stringProp(field.raw, "formula");
    if (formula !== undefined) {
      const refs = checkFormula(
        formula,
        `${field.path}${pointer("formula")}`,
        field,
        index,
        analyzer,
        issues,
      );
      computed.push({ field, refs });
    }
    const initial = stringProp(prop(field.raw, "default"), "formula");
    if (initial !== undefined) {
      checkFormula(initial, `${field.path}${pointer("default", "formula")}`, field, index, analyzer, issues);
    }
  }
  return computed;
}
