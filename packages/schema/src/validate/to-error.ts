import { FormworkError } from "../errors";
import type { DefinitionIssue } from "../types";

/** The API's answer to an invalid definition: INVALID_DEFINITION (422) with one detail per issue. */
export function invalidDefinitionError(issues: DefinitionIssue[], what = "definition"): FormworkError {
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return new FormworkError(
    "INVALID_DEFINITION",
    `The ${what} has ${count}.`,
    issues.map(({ path, message, code }) => ({ path, message, code })),
  );
}
