import { BINARY_PRECEDENCE, type FormulaNode, PERCENT_PRECEDENCE, UNARY_PRECEDENCE } from "./ast";

const ATOM_PRECEDENCE = 8;

function precedenceOf(node: FormulaNode): number {
  switch (node.kind) {
    case "binary":
      return BINARY_PRECEDENCE[node.operator];
    case "unary":
      return UNARY_PRECEDENCE;
    case "percent":
      return PERCENT_PRECEDENCE;
    default:
      return ATOM_PRECEDENCE;
  }
}

function printNumber(value: number): string {
  // Formula text has no negative literals: a negative number is unary minus applied to its magnitude.
  return value < 0 || Object.is(value, -0) ? `-${String(-value)}` : String(value);
}

/**
 * Prints a formula tree as text that parses back to the same tree, with only the parentheses Excel's
 * precedence needs. The designer uses it to rewrite formulas, e.g. after renaming a field.
 */
export function printFormula(node: FormulaNode): string {
  const wrap = (child: FormulaNode, minPrecedence: number): string => {
    const text = printFormula(child);
    return precedenceOf(child) < minPrecedence ? `(${text})` : text;
  };
  switch (node.kind) {
    case "number":
      return printNumber(node.value);
    case "string":
      return `"${node.value.replaceAll('"', '""')}"`;
    case "boolean":
      return node.value ? "TRUE" : "FALSE";
    case "ref":
      return node.path;
    case "call":
      return `${node.name}(${node.args.map(printFormula).join(", ")})`;
    case "unary":
      return `${node.operator}${wrap(node.operand, UNARY_PRECEDENCE)}`;
    case "percent":
      return `${wrap(node.operand, PERCENT_PRECEDENCE)}%`;
    case "binary": {
      const precedence = BINARY_PRECEDENCE[node.operator];
      const spaced = precedence <= 3 ? ` ${node.operator} ` : node.operator;
      // Every operator groups to the left, so an equal-precedence right operand needs parentheses.
      return `${wrap(node.left, precedence)}${spaced}${wrap(node.right, precedence + 1)}`;
    }
  }
}
