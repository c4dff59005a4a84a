import type { DefinitionIssue } from "../types";
import type { DefinitionIssueCode } from "./codes";

/** A formula parser plugged in by a higher layer: the ids a formula refers to, and what is wrong with it. */
export type FormulaAnalyzer = (formula: string) => {
  refs: string[];
  diagnostics: { code: string; message: string; line: number; column: number; length: number }[];
};

export type DefinitionValidation<T> = { ok: true; value: T } | { ok: false; issues: DefinitionIssue[] };

export interface TypedIssue extends DefinitionIssue {
  code: DefinitionIssueCode;
}

/** Collects issues; every check appends here and never throws on malformed input. */
export class IssueList {
  readonly items: TypedIssue[] = [];
  add(
    code: DefinitionIssueCode,
    path: string,
    message: string,
    position?: Pick<DefinitionIssue, "line" | "column" | "length">,
  ): void {
    this.items.push({ code, path, message, ...position });
  }
}
