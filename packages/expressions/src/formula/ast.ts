import { MAX_LOGIC_DEPTH, MAX_LOGIC_NODES } from "../evaluate/limits";
import type { Span } from "./position";

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

/** A parsed formula. Parentheses leave no node: precedence is already in the tree's shape. */
export type FormulaNode =
  | { kind: "number"; value: number; span: Span }
  | { kind: "string"; value: string; span: Span }
  | { kind: "boolean"; value: boolean; span: Span }
  /** `discount` or `items.subtotal` (a sub-form's column). */
  | { kind: "ref"; path: string; span: Span }
  /** `name` is upper-case; `nameSpan` is where the designer underlines an unknown function. */
  | { kind: "call"; name: string; args: FormulaNode[]; span: Span; nameSpan: Span }
  | { kind: "unary"; operator: "-" | "+"; operand: FormulaNode; span: Span }
  | { kind: "percent"; operand: FormulaNode; span: Span }
  | { kind: "binary"; operator: BinaryOperator; left: FormulaNode; right: FormulaNode; span: Span };

/**
 * Binding powers, Excel's order from loosest to tightest. Unary minus binds tighter than `^`, so
 * `-2^2` is 4 as in Excel, and every binary operator, `^` included, groups to the left.
 */
export const BINARY_PRECEDENCE: Record<BinaryOperator, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};
export const UNARY_PRECEDENCE = 6;
export const PERCENT_PRECEDENCE = 7;

/** Formula ids are lower-case ASCII, like form and field ids in definitions. */
export const FIELD_ID = /^[a-z][a-z0-9_]*$/;

/**
 * Whatever parses must also evaluate, so the limits follow the evaluator's: each call or operator
 * compiles to an object holding an array (two json-logic levels, two values), each ref to an object
 * holding a string.
 */
export const FORMULA_LIMITS = {
  /** UTF-8 bytes of formula text. */
  maxBytes: 64 * 1024,
  /** Calls, operators and refs nested in one another (a chain `a+b+c` nests too). */
  maxDepth: Math.floor(MAX_LOGIC_DEPTH / 2),
  /** Values of the compiled json-logic: literals 1, refs 2, calls and operators 2 plus their operands. */
  maxNodes: MAX_LOGIC_NODES,
} as const;
