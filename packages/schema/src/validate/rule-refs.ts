import type { FieldIndex } from "./field-index";
import { logicVars } from "./logic-vars";
import { resolveName, type Scope } from "./refs";
import type { IssueList } from "./result";

/** Report every variable of a json-logic rule that names no field in its scope. */
export function checkRuleRefs(
  rule: unknown,
  path: string,
  scope: Scope,
  index: FieldIndex,
  issues: IssueList,
): void {
  for (const use of logicVars(rule, path, scope, index)) {
    const resolved = resolveName(use.name, index, use.scope);
    if (resolved.kind === "unknown") issues.add("UNKNOWN_FIELD_REF", use.path, resolved.message);
  }
}
