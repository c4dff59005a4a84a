// Splits formula text into runs for the editor's highlight layer: token kind plus "has a diagnostic".
import { type FormulaToken, tokenize } from "@formwork/expressions";

export type RunKind = "number" | "string" | "name" | "function" | "operator" | "punct" | "plain";

export interface HighlightRun {
  text: string;
  kind: RunKind;
  error: boolean;
}

function kindOf(token: FormulaToken, next: FormulaToken | undefined): RunKind {
  switch (token.kind) {
    case "number":
    case "string":
      return token.kind;
    case "name":
      return next?.kind === "(" ? "function" : "name";
    case "operator":
      return "operator";
    case "end":
      return "plain";
    default:
      return "punct";
  }
}

/** Runs covering `text` exactly; a text the lexer rejects is one plain run (the diagnostics still mark it). */
export function highlightRuns(text: string, errors: { offset: number; length: number }[]): HighlightRun[] {
  const kinds: RunKind[] = new Array(text.length).fill("plain");
  const lexed = tokenize(text);
  if (lexed.ok) {
    lexed.tokens.forEach((token, i) => {
      const kind = kindOf(token, lexed.tokens[i + 1]);
      for (let at = token.offset; at < token.offset + token.length && at < text.length; at++)
        kinds[at] = kind;
    });
  }
  const marked: boolean[] = new Array(text.length).fill(false);
  for (const error of errors) {
    // A zero-length diagnostic (e.g. "expected a value" at the end) still marks one character.
    const end = Math.max(error.offset + error.length, error.offset + 1);
    for (let at = Math.max(0, error.offset); at < Math.min(end, text.length); at++) marked[at] = true;
  }
  const runs: HighlightRun[] = [];
  for (let at = 0; at < text.length; at++) {
    const kind = kinds[at] ?? "plain";
    const error = marked[at] ?? false;
    const last = runs[runs.length - 1];
    if (last && last.kind === kind && last.error === error) last.text += text[at];
    else runs.push({ text: text[at] ?? "", kind, error });
  }
  return runs;
}
