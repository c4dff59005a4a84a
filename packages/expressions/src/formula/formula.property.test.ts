import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FormulaDiagnostic } from "../types";
import { analyzeFormula, parseFormula } from "./analyze";
import { BINARY_PRECEDENCE, type BinaryOperator, type FormulaNode } from "./ast";
import type { FunctionTable } from "./calls";
import { compileFormula } from "./compile";
import { lineColumnAt } from "./position";
import { printFormula } from "./print";
import { checkFormula } from "./typecheck";

const functions: FunctionTable = {
  NOW: { minArgs: 0, maxArgs: 0 },
  ABS: { minArgs: 1, maxArgs: 1 },
  ROUND: { minArgs: 1, maxArgs: 2 },
  SUM: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY },
};

/** Fragments that make random text look like formulas often enough to reach every parser path. */
const FRAGMENTS = [
  "SUM",
  "sum",
  "ROUND",
  "NOPE",
  "ABS",
  "(",
  ")",
  ",",
  "a",
  "items.x",
  "x.y.z",
  "Ab",
  "_a",
  "1",
  ".5",
  "1e",
  "2e-3",
  '"s"',
  '"',
  '""',
  "+",
  "-",
  "*",
  "/",
  "^",
  "%",
  "&",
  "=",
  "<>",
  "<=",
  ">",
  " ",
  "\n",
  "\r\n",
  "\t",
  "TRUE",
  "false",
  "__proto__",
  "constructor",
  "toString",
  "折扣",
  "（",
  "😀",
  "$",
  ".",
  "=",
];

const formulaLikeText = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

function expectWellPlaced(text: string, diagnostics: FormulaDiagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.offset).toBeGreaterThanOrEqual(0);
    expect(d.length).toBeGreaterThanOrEqual(0);
    expect(d.offset + d.length).toBeLessThanOrEqual(text.length);
    expect({ line: d.line, column: d.column }).toEqual(lineColumnAt(text, d.offset));
    expect(d.message.length).toBeGreaterThan(0);
  }
}

describe("random text", () => {
  it("never throws and gives json-logic or positioned diagnostics", () => {
    fc.assert(
      fc.property(formulaLikeText, (text) => {
        const parsed = parseFormula(text, { functions });
        if (parsed.ok) expect(compileFormula(parsed.ast)).toEqual(parsed.logic);
        else {
          expect(parsed.diagnostics.length).toBeGreaterThan(0);
          expectWellPlaced(text, parsed.diagnostics);
        }
        expectWellPlaced(text, analyzeFormula(text, { functions }).diagnostics);
        expectWellPlaced(
          text,
          checkFormula(text, { fields: { a: "number", "items.x": { array: "text" } } }).diagnostics,
        );
      }),
      { numRuns: 1500 },
    );
  });
});

const span = { offset: 0, length: 0 };
const fieldId = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/).filter((id) => id !== "true" && id !== "false");
const binaryOperators = Object.keys(BINARY_PRECEDENCE) as BinaryOperator[];

const { node: randomTree } = fc.letrec<{ node: FormulaNode }>((tie) => ({
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

describe("printed trees", () => {
  it("parse back to the same json-logic", () => {
    fc.assert(
      fc.property(randomTree, (tree) => {
        const text = printFormula(tree);
        const parsed = parseFormula(text, { functions });
        if (!parsed.ok) throw new Error(`${text}: ${parsed.diagnostics[0]?.message}`);
        expect(parsed.logic).toEqual(compileFormula(tree));
      }),
      { numRuns: 1000 },
    );
  });
});
