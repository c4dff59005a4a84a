import type { DefinitionIssue } from "../../types";
import type { DefinitionValidation } from "../result";

/** The `[code, path]` pairs of a result, in order; [] when valid. */
export function issuePairs(result: DefinitionValidation<unknown>): [string, string][] {
  return result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path]);
}

export function issuesOf(result: DefinitionValidation<unknown>): DefinitionIssue[] {
  return result.ok ? [] : result.issues;
}
