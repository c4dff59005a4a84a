// Shared vocabulary of the formula language, its function library, evaluator and SQL compiler.

/** Static types the checker infers. `array<T>` is a sub-form column or a multi-value field. */
export type FormulaType = "number" | "text" | "boolean" | "date" | "any" | "null" | { array: FormulaType };

/** An Excel error value (#DIV/0!, #VALUE!, ...). Errors propagate through most functions as in Excel. */
export class FormulaErrorValue {
  constructor(
    readonly code: "#DIV/0!" | "#VALUE!" | "#NUM!" | "#N/A" | "#REF!" | "#NAME?",
    readonly detail?: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

/**
 * A diagnostic in words the UI can translate: a stable key (the web's catalogs hold one text per key,
 * in each language) and the values its text names. `message` stays the English account.
 */
export const FORMULA_DIAGNOSTIC_KEYS = [
  "exponentDigits",
  "numberTooLarge",
  "unclosedText",
  "fullWidth",
  "labelNotId",
  "unexpectedCharacter",
  "expectedOperator",
  "tooNested",
  "tooDeep",
  "tooLarge",
  "unclosedParen",
  "expectedValue",
  "tooManyDots",
  "upperCaseId",
  "invalidId",
  "expectedSeparator",
  "notText",
  "tooManyBytes",
  "unknownFunction",
  "arityExactly",
  "arityAtLeast",
  "arityBetween",
  "columnNotCounted",
  "columnWhereOneValue",
  "dateNotNumber",
  "textNotNumber",
  "dateNotBoolean",
  "textNotBoolean",
  "booleanNotDate",
  "textNotDate",
  "datesAdded",
  "dateSubtracted",
  "unknownField",
] as const;

export type FormulaDiagnosticKey = (typeof FORMULA_DIAGNOSTIC_KEYS)[number];

export interface DiagnosticDetail {
  /** One of FORMULA_DIAGNOSTIC_KEYS: the web's catalogs must word each (a test checks). */
  key: FormulaDiagnosticKey;
  params?: Record<string, string | number>;
}

/** A problem in formula text, positioned for the designer to underline (1-based line and column). */
export interface FormulaDiagnostic {
  code:
    | "SYNTAX"
    | "UNKNOWN_FUNCTION"
    | "UNKNOWN_FIELD"
    | "ARITY"
    | "TYPE_MISMATCH"
    | "TOO_DEEP"
    | "TOO_LONG"
    | "CYCLE";
  message: string;
  /** For the UI's own wording; absent only where the message has no parts worth translating apart. */
  detail?: DiagnosticDetail;
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** What the evaluator gives functions besides their arguments: the injected clock, never Date.now(). */
export interface EvalContext {
  now: Date;
  /** IANA time zone used by TODAY(), dates without a time and date parts. Default Asia/Shanghai. */
  timeZone?: string;
}

export interface FunctionDoc {
  zh: string;
  en: string;
  /** An example call and its result, shown in the formula editor and docs/formulas.md. */
  example: string;
  result: string;
}

export type FunctionCategory = "logic" | "text" | "math" | "date" | "aggregate";

export interface FunctionSpec {
  name: string;
  category: FunctionCategory;
  minArgs: number;
  /** Infinity for variadic functions. */
  maxArgs: number;
  /** Argument types, the last one repeating for variadic functions. */
  args: FormulaType[];
  returns: FormulaType | ((argTypes: FormulaType[]) => FormulaType);
  /** Called with evaluated arguments (lazy functions such as IF get thunks, see `lazy`). */
  impl: (args: unknown[], ctx: EvalContext) => unknown;
  /** Arguments arrive as thunks `() => value` so IF/IFS/AND/OR short-circuit like Excel. */
  lazy?: boolean;
  doc: FunctionDoc;
}
