import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FormulaDiagnostic } from "../types";
import { analyzeFormula, parseFormula } from "./analyze";
import type { FormulaNode } from "./ast";
import { compileFormula } from "./compile";
import { lineColumnAt } from "./position";
import { printFormula } from "./print";
import { randomTree, TREE_FUNCTIONS } from "./test-arbitraries";
import { checkFormula } from "./typecheck";

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
        const parsed = parseFormula(text, { functions: TREE_FUNCTIONS });
        if (parsed.ok) expect(compileFormula(parsed.ast)).toEqual(parsed.logic);
        else {
          expect(parsed.diagnostics.length).toBeGreaterThan(0);
          expectWellPlaced(text, parsed.diagnostics);
        }
        expectWellPlaced(text, analyzeFormula(text, { functions: TREE_FUNCTIONS }).diagnostics);
        expectWellPlaced(
          text,
          checkFormula(text, { fields: { a: "number", "items.x": { array: "text" } } }).diagnostics,
        );
      }),
      { numRuns: 1500 },
    );
  });
});

describe("printed trees", () => {
  it("parse back to the same json-logic", () => {
    fc.assert(
      fc.property(randomTree, (tree) => {
        const text = printFormula(tree);
        const parsed = parseFormula(text, { functions: TREE_FUNCTIONS });
        if (!parsed.ok) throw new Error(`${text}: ${parsed.diagnostics[0]?.message}`);
        expect(parsed.logic).toEqual(compileFormula(tree));
      }),
      { numRuns: 1000 },
    );
  });
});

function subtrees(node: FormulaNode, into: FormulaNode[] = []): FormulaNode[] {
  into.push(node);
  if (node.kind === "call") for (const arg of node.args) subtrees(arg, into);
  if (node.kind === "unary" || node.kind === "percent") subtrees(node.operand, into);
  if (node.kind === "binary") {
    subtrees(node.left, into);
    subtrees(node.right, into);
  }
  return into;
}

describe("spans", () => {
  it("cover exactly each node's text: re-parsed alone, a span gives the node's json-logic", () => {
    fc.assert(
      fc.property(randomTree, (tree) => {
        const text = printFormula(tree);
        const parsed = parseFormula(text, { functions: TREE_FUNCTIONS });
        if (!parsed.ok) throw new Error(`${text}: ${parsed.diagnostics[0]?.message}`);
        for (const node of subtrees(parsed.ast)) {
          const piece = text.slice(node.span.offset, node.span.offset + node.span.length);
          const reparsed = parseFormula(piece, { functions: TREE_FUNCTIONS });
          if (!reparsed.ok) throw new Error(`${piece} (from ${text}): ${reparsed.diagnostics[0]?.message}`);
          expect(reparsed.logic).toEqual(compileFormula(node));
        }
      }),
      { numRuns: 300 },
    );
  });
});
