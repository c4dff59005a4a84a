import { FUNCTIONS } from "../functions";
import type { FormulaDiagnostic } from "../types";
import { FORMULA_LIMITS, type FormulaNode } from "./ast";
import { checkCalls, type FunctionTable } from "./calls";
import { collectRefs, compileFormula, type FormulaLogic } from "./compile";
import { parseSyntax } from "./parser";
import { DiagnosticList, singleDiagnostic } from "./position";

export interface FormulaOptions {
  /** The functions a formula may call; the built-in library unless a test or plugin supplies another. */
  functions?: FunctionTable;
}

export type ParsedFormula =
  | { ok: true; logic: FormulaLogic; refs: string[]; ast: FormulaNode }
  | { ok: false; diagnostics: FormulaDiagnostic[] };

/** Byte offset scan that stops as soon as the limit is passed, so a 1 MB text costs 64 KiB of work. */
function offsetPastByteLimit(text: string, maxBytes: number): number | undefined {
  if (text.length * 3 <= maxBytes) return undefined;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character: count it at its high half.
    else if (code >= 0xd800 && code < 0xdc00) bytes += 4;
    else if (code < 0xdc00 || code >= 0xe000) bytes += 3;
    if (bytes > maxBytes) return i;
  }
  return undefined;
}

/** The tree (when the syntax is valid), its refs, and every diagnostic: the shared first step of all checks. */
export function analyzeSyntaxAndCalls(
  text: string,
  functions: FunctionTable,
): { ast?: FormulaNode; refs: string[]; diagnostics: DiagnosticList } {
  const diagnostics = new DiagnosticList(typeof text === "string" ? text : "");
  if (typeof text !== "string") {
    diagnostics.add("SYNTAX", "a formula must be text", { offset: 0, length: 0 }, { key: "notText" });
    return { refs: [], diagnostics };
  }
  const tooLongAt = offsetPastByteLimit(text, FORMULA_LIMITS.maxBytes);
  if (tooLongAt !== undefined) {
    diagnostics.items.push(
      singleDiagnostic(
        text,
        "TOO_LONG",
        `formulas may be at most ${FORMULA_LIMITS.maxBytes / 1024} KiB; this one passes the limit here`,
        { offset: tooLongAt, length: text.length - tooLongAt },
        { key: "tooManyBytes", params: { max: FORMULA_LIMITS.maxBytes / 1024 } },
      ),
    );
    return { refs: [], diagnostics };
  }
  const parsed = parseSyntax(text);
  if (!parsed.ok) {
    diagnostics.add(parsed.error.code, parsed.error.message, parsed.error, parsed.error.detail);
    return { refs: [], diagnostics };
  }
  checkCalls(parsed.ast, functions, diagnostics);
  return { ast: parsed.ast, refs: collectRefs(parsed.ast), diagnostics };
}

/**
 * Parses Excel-like formula text and compiles it to json-logic. Never throws: bad input gives
 * diagnostics with stable codes and positions (SYNTAX, TOO_LONG, TOO_DEEP, UNKNOWN_FUNCTION, ARITY).
 */
export function parseFormula(text: string, options: FormulaOptions = {}): ParsedFormula {
  const { ast, refs, diagnostics } = analyzeSyntaxAndCalls(text, options.functions ?? FUNCTIONS);
  if (!ast || diagnostics.items.length > 0) return { ok: false, diagnostics: diagnostics.items };
  return { ok: true, logic: compileFormula(ast), refs, ast };
}

/**
 * The `FormulaAnalyzer` that packages/schema is given: which fields a formula names, and what is wrong
 * with it. Refs are reported whenever the syntax is valid, even if a function is unknown, so the
 * schema can also check the field names.
 */
export function analyzeFormula(
  text: string,
  options: FormulaOptions = {},
): { refs: string[]; diagnostics: FormulaDiagnostic[] } {
  const { refs, diagnostics } = analyzeSyntaxAndCalls(text, options.functions ?? FUNCTIONS);
  return { refs, diagnostics: diagnostics.items };
}
