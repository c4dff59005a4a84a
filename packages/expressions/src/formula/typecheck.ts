import { FUNCTIONS } from "../functions";
import { isDateText } from "../functions/dates";
import type { FormulaDiagnostic, FormulaType, FunctionSpec } from "../types";
import { analyzeSyntaxAndCalls } from "./analyze";
import type { FormulaNode } from "./ast";
import { lookupFunction } from "./calls";
import { type Expected, literalText, mismatch } from "./coercion";
import type { DiagnosticList } from "./position";

export interface FormulaEnvironment {
  /**
   * Field id → type; sub-form columns as `"items.subtotal": {array: "number"}`. For the formula of a
   * sub-form column, also list its sibling columns by bare id with their single-row type
   * (`"price": "number"`), as a column formula reads the values of its own row.
   */
  fields: Record<string, FormulaType>;
}

export interface TypeCheckOptions {
  functions?: Record<string, FunctionSpec>;
}

const ARITHMETIC = new Set(["+", "-", "*", "/", "^"]);

// What may stand where is decided in ./coercion (and documented there); this walks the tree.

class TypeChecker {
  constructor(
    private readonly env: FormulaEnvironment,
    private readonly functions: Record<string, FunctionSpec>,
    private readonly diagnostics: DiagnosticList,
  ) {}

  private expect(node: FormulaNode, expected: Expected): FormulaType {
    const actual = this.infer(node);
    this.check(node, actual, expected);
    return actual;
  }

  private check(node: FormulaNode, actual: FormulaType, expected: Expected): void {
    const problem = mismatch(node, actual, expected);
    if (problem) this.diagnostics.add("TYPE_MISMATCH", problem.message, node.span, problem.detail);
  }

  /** An operand of + or -: a date-shaped text literal counts as a date, as the evaluator treats it. */
  private operand(node: FormulaNode): FormulaType {
    const type = this.infer(node);
    const text = type === "text" ? literalText(node) : undefined;
    return text !== undefined && isDateText(text) ? "date" : type;
  }

  /**
   * Dates are ISO text at run time: `date ± days` is a date and `date - date` a number of days; any
   * other use of a date in arithmetic is #VALUE!.
   */
  private arithmetic(node: FormulaNode & { kind: "binary" }): FormulaType {
    if (node.operator === "+" || node.operator === "-") {
      const left = this.operand(node.left);
      const right = this.operand(node.right);
      if (left === "date" && right === "date") {
        if (node.operator === "-") return "number";
        this.diagnostics.add(
          "TYPE_MISMATCH",
          "two dates cannot be added: add a number of days",
          node.right.span,
          { key: "datesAdded" },
        );
        return "any";
      }
      if (left === "date") {
        this.check(node.right, right, "number");
        return "date";
      }
      if (right === "date") {
        if (node.operator === "-") {
          this.diagnostics.add(
            "TYPE_MISMATCH",
            "a date can be subtracted only from a date",
            node.right.span,
            {
              key: "dateSubtracted",
            },
          );
          return "any";
        }
        this.check(node.left, left, "number");
        return "date";
      }
      this.check(node.left, left, "number");
      this.check(node.right, right, "number");
      return "number";
    }
    this.expect(node.left, "number");
    this.expect(node.right, "number");
    return "number";
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
        this.diagnostics.add("UNKNOWN_FIELD", `unknown field "${node.path}"`, node.span, {
          key: "unknownField",
          params: { field: node.path },
        });
        return "any";
      case "unary":
        // Unary plus compiles to its operand (Excel's =+A1 is A1 unchanged), so only minus needs a number.
        if (node.operator === "+") return this.infer(node.operand);
        this.expect(node.operand, "number");
        return "number";
      case "percent":
        this.expect(node.operand, "number");
        return "number";
      case "binary": {
        if (ARITHMETIC.has(node.operator)) return this.arithmetic(node);
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
