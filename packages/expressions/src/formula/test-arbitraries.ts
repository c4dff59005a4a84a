import fc from "fast-check";
import { BINARY_PRECEDENCE, type BinaryOperator, type FormulaNode } from "./ast";
import type { FunctionTable } from "./calls";

/** The functions random trees call; all exist in the built-in library too, so trees can be evaluated. */
export const TREE_FUNCTIONS: FunctionTable = {
  NOW: { minArgs: 0, maxArgs: 0 },
  ABS: { minArgs: 1, maxArgs: 1 },
  ROUND: { minArgs: 1, maxArgs: 2 },
  SUM: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY },
};

const span = { offset: 0, length: 0 };
const fieldId = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/).filter((id) => id !== "true" && id !== "false");
const binaryOperators = Object.keys(BINARY_PRECEDENCE) as BinaryOperator[];

/** Random formula trees; the printer and parser must agree on every one. */
export const { node: randomTree } = fc.letrec<{ node: FormulaNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc
      .double({ min: 0, max: 1e300, noNaN: true })
      .map((value): FormulaNode => ({ kind: "number", value: Math.abs(value), span })),
    fc.nat({ max: 1000 }).map((value): FormulaNode => ({ kind: "number", value, span })),
    fc.string({ maxLength: 8 }).map((value): FormulaNode => ({ kind: "string", value, span })),
    fc.boolean().map((value): FormulaNode => ({ kind: "boolean", value, span })),
    fc
      .tuple(fieldId, fc.option(fieldId, { nil: undefined }))
      .map(([id, column]): FormulaNode => ({ kind: "ref", path: column ? `${id}.${column}` : id, span })),
    fc
      .oneof(
        fc.constant<[string, FormulaNode[]]>(["NOW", []]),
        tie("node").map((a): [string, FormulaNode[]] => ["ABS", [a]]),
        fc
          .array(tie("node"), { minLength: 1, maxLength: 2 })
          .map((args): [string, FormulaNode[]] => ["ROUND", args]),
        fc
          .array(tie("node"), { minLength: 1, maxLength: 4 })
          .map((args): [string, FormulaNode[]] => ["SUM", args]),
      )
      .map(([name, args]): FormulaNode => ({ kind: "call", name, args, span, nameSpan: span })),
    fc
      .tuple(fc.constantFrom<"-" | "+">("-", "+"), tie("node"))
      .map(([operator, operand]): FormulaNode => ({ kind: "unary", operator, operand, span })),
    tie("node").map((operand): FormulaNode => ({ kind: "percent", operand, span })),
    fc
      .tuple(fc.constantFrom(...binaryOperators), tie("node"), tie("node"))
      .map(([operator, left, right]): FormulaNode => ({ kind: "binary", operator, left, right, span })),
  ),
}));
