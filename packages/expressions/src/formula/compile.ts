import type { FormulaNode } from "./ast";

/** The json-logic a formula compiles to; the evaluator registers an Excel-semantic operation per name. */
export type FormulaLogic =
  | number
  | string
  | boolean
  | { var: string }
  | { [operation: string]: FormulaLogic[] };

/**
 * Compiles a parsed formula to json-logic. This shape is the contract with the evaluator:
 * refs become `{"var": path}`, literals stay literals, calls and operators become
 * `{"NAME": [args...]}`, unary minus `{"-": [a]}`, unary plus its operand, `a%` is `{"/": [a, 100]}`.
 * The tree's depth is bounded by the parser, so the recursion is too.
 */
export function compileFormula(node: FormulaNode): FormulaLogic {
  switch (node.kind) {
    case "number":
    case "string":
    case "boolean":
      return node.value;
    case "ref":
      return { var: node.path };
    case "call":
      // A computed key defines an own property even for names like "__proto__".
      return { [node.name]: node.args.map(compileFormula) };
    case "unary":
      return node.operator === "+" ? compileFormula(node.operand) : { "-": [compileFormula(node.operand)] };
    case "percent":
      return { "/": [compileFormula(node.operand), 100] };
    case "binary":
      return { [node.operator]: [compileFormula(node.left), compileFormula(node.right)] };
  }
}

/** Field references in order of first appearance, each once. */
export function collectRefs(node: FormulaNode): string[] {
  const refs = new Set<string>();
  const visit = (n: FormulaNode): void => {
    switch (n.kind) {
      case "ref":
        refs.add(n.path);
        return;
      case "call":
        n.args.forEach(visit);
        return;
      case "unary":
      case "percent":
        visit(n.operand);
        return;
      case "binary":
        visit(n.left);
        visit(n.right);
        return;
      default:
        return;
    }
  };
  visit(node);
  return [...refs];
}
