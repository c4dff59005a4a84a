import { FUNCTIONS, isError, toBoolean, toNumber } from "../functions";
import type { FormulaDiagnostic, FormulaType, FunctionSpec } from "../types";
import { analyzeSyntaxAndCalls } from "./analyze";
import type { FormulaNode } from "./ast";
import { lookupFunction } from "./calls";
import type { DiagnosticList } from "./position";

export interface FormulaEnvironment {
  /** Field id → type; sub-form columns as `"items.subtotal": {array: "number"}`. */
  fields: Record<string, FormulaType>;
}

export interface TypeCheckOptions {
  functions?: Record<string, FunctionSpec>;
}

/*
 * Coercion rules the checker enforces. Excel coerces freely at run time, so only what is certain or
 * very likely to fail is flagged:
 * - number position: numbers, dates (serial numbers), booleans (TRUE = 1) and blanks are fine. Text is
 *   fine too when it may hold digits (a text field, a text function's result); only a text LITERAL
 *   that is not numeric ("abc" * 2) is a mismatch, as Excel would answer #VALUE!.
 * - logical position: booleans, numbers, dates and blanks are fine; a text literal other than
 *   "TRUE"/"FALSE" is a mismatch.
 * - date position: dates, numbers (serials) and text that may hold a date are fine; booleans and text
 *   literals that do not start like a date (2024-01-31 or 2024/1/31) are mismatches.
 * - text position: every single value converts.
 * - single-value positions (operators, scalar arguments): a sub-form column is a mismatch, since it
 *   holds one value per row; aggregate it (SUM, COUNT, ...). "any" and array arguments accept it.
 * - `any` (an unknown field or a result the checker cannot know) is never a mismatch.
 */
/** "single" is any one value: what `&` and the comparisons accept. */
type Expected = FormulaType | "single";

const DATE_TEXT = /^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}/;

const ARITHMETIC = new Set(["+", "-", "*", "/", "^"]);

function describeType(type: FormulaType): string {
  if (typeof type === "object") return `a sub-form column of ${describeType(type.array)}`;
  return type === "text" ? "text" : type === "any" ? "any value" : type === "null" ? "blank" : `a ${type}`;
}

function literalText(node: FormulaNode): string | undefined {
  if (node.kind === "string") return node.value;
  if (node.kind === "unary" && node.operator === "+") return literalText(node.operand);
  return undefined;
}

/** Why a value of type `actual` (from `node`) cannot stand where `expected` is wanted, if it cannot. */
function mismatch(node: FormulaNode, actual: FormulaType, expected: Expected): string | undefined {
  if (expected === "any" || actual === "any" || actual === "null") return undefined;
  if (typeof expected === "object") {
    return mismatch(node, typeof actual === "object" ? actual.array : actual, expected.array);
  }
  if (typeof actual === "object") {
    return `${describeType(actual)} holds one value per row where one value is expected; aggregate it, e.g. with SUM or COUNT`;
  }
  const text = actual === "text" ? literalText(node) : undefined;
  switch (expected) {
    case "number":
      if (text !== undefined && isError(toNumber(text)))
        return `"${text}" is text, not a number (Excel gives #VALUE!)`;
      return undefined;
    case "boolean":
      if (text !== undefined && isError(toBoolean(text)))
        return `"${text}" is text, not TRUE or FALSE (Excel gives #VALUE!)`;
      return undefined;
    case "date":
      if (actual === "boolean") return "a TRUE/FALSE value is not a date";
      if (text !== undefined && !DATE_TEXT.test(text) && isError(toNumber(text)))
        return `"${text}" is not a date`;
      return undefined;
    default:
      return undefined;
  }
}

function arithmeticResult(operator: string, left: FormulaType, right: FormulaType): FormulaType {
  // Dates are day counts, so date ± days is a date and the difference of two dates is a number of days.
  if (operator === "+" && (left === "date") !== (right === "date")) return "date";
  if (operator === "-" && left === "date") return right === "date" ? "number" : "date";
  return "number";
}

class TypeChecker {
  constructor(
    private readonly env: FormulaEnvironment,
    private readonly functions: Record<string, FunctionSpec>,
    private readonly diagnostics: DiagnosticList,
  ) {}

  private expect(node: FormulaNode, expected: Expected): FormulaType {
    const actual = this.infer(node);
    const problem = mismatch(node, actual, expected);
    if (problem) this.diagnostics.add("TYPE_MISMATCH", problem, node.span);
    return actual;
  }

  infer(node: FormulaNode): FormulaType {
    switch (node.kind) {
      case "number":
        return "number";
      case "string":
        return "text";
      case "boolean":
        return "boolean";
      case "ref":
        if (Object.hasOwn(this.env.fields, node.path)) return this.env.fields[node.path]!;
        this.diagnostics.add("UNKNOWN_FIELD", `unknown field "${node.path}"`, node.span);
        return "any";
      case "unary": {
        const operand = this.expect(node.operand, "number");
        return node.operator === "+" ? operand : "number";
      }
      case "percent":
        this.expect(node.operand, "number");
        return "number";
      case "binary": {
        if (ARITHMETIC.has(node.operator)) {
          const left = this.expect(node.left, "number");
          const right = this.expect(node.right, "number");
          return arithmeticResult(node.operator, left, right);
        }
        // `&` joins and comparisons compare any single values (Excel orders numbers < text < booleans).
        this.expect(node.left, "single");
        this.expect(node.right, "single");
        return node.operator === "&" ? "text" : "boolean";
      }
      case "call":
        return this.call(node);
    }
  }

  private call(node: FormulaNode & { kind: "call" }): FormulaType {
    const spec = lookupFunction(this.functions, node.name);
    if (!spec) {
      // Already reported as UNKNOWN_FUNCTION; still visit the arguments for unknown fields.
      for (const arg of node.args) this.infer(arg);
      return "any";
    }
    const argTypes = node.args.map((arg, i) =>
      this.expect(arg, spec.args[i] ?? spec.args[spec.args.length - 1] ?? "any"),
    );
    return typeof spec.returns === "function" ? spec.returns(argTypes) : spec.returns;
  }
}

/**
 * Infers a formula's result type against the fields of a form and reports UNKNOWN_FIELD,
 * TYPE_MISMATCH and ARITY (plus the parser's diagnostics) with positions. The type is "any" when the
 * formula does not parse.
 */
export function checkFormula(
  text: string,
  env: FormulaEnvironment,
  options: TypeCheckOptions = {},
): { type: FormulaType; diagnostics: FormulaDiagnostic[] } {
  const functions = options.functions ?? FUNCTIONS;
  const { ast, diagnostics } = analyzeSyntaxAndCalls(text, functions);
  if (!ast) return { type: "any", diagnostics: diagnostics.items };
  const type = new TypeChecker(env, functions, diagnostics).infer(ast);
  return { type, diagnostics: diagnostics.items.sort((a, b) => a.offset - b.offset) };
}
