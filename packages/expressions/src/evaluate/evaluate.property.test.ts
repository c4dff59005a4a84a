import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "../functions";
import { compileNode } from "./compile";
import { evaluate, LogicLimitError } from "./index";
import { interpret } from "./interpret";
import { checkLimits } from "./limits";

const ctx = { now: new Date("2024-03-15T02:30:00Z"), timeZone: "Asia/Shanghai" };

const OPERATORS = [
  ...[
    "==",
    "===",
    "!=",
    "!==",
    "!",
    "!!",
    "%",
    "in",
    "cat",
    "substr",
    "min",
    "max",
    "merge",
    "var",
    "missing",
  ],
  ...["missing_some", "if", "?:", "and", "or", "filter", "map", "reduce", "all", "none", "some"],
  ...["+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">="],
  ...Object.keys(FUNCTIONS),
  ...["__proto__", "constructor", "toString", "method", "log", "hasOwnProperty"],
];

const leaf = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("2024-03-15", "2024-03-15T10:00:00Z", "12.5", "TRUE", ">1", "", "a*", "__proto__"),
  fc.boolean(),
  fc.constant(null),
  fc.record({
    var: fc.constantFrom("a", "b", "rows.x", "rows", "s", "nope", "", "__proto__", "a.constructor"),
  }),
);

const anyLogic = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("node"), { maxLength: 3 }),
    fc
      .tuple(fc.constantFrom(...OPERATORS), fc.oneof(tie("node"), fc.array(tie("node"), { maxLength: 4 })))
      .map(([op, args]) => JSON.parse(JSON.stringify({ [op]: args ?? null }))),
  ),
})).node;

const anyData = fc.record({
  a: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
  b: fc.oneof(fc.double(), fc.boolean()),
  s: fc.string(),
  rows: fc.array(fc.record({ x: fc.oneof(fc.integer(), fc.string(), fc.constant(null)) }), { maxLength: 4 }),
});

describe("evaluate on random logic", () => {
  it("never throws anything but LogicLimitError", () => {
    fc.assert(
      fc.property(anyLogic, anyData, (logic, data) => {
        try {
          evaluate(logic, data, ctx);
        } catch (error) {
          expect(error).toBeInstanceOf(LogicLimitError);
        }
      }),
      { numRuns: 400 },
    );
  });
});

/** The outcome of one way of running logic, a thrown host error included. */
function outcome(run: () => unknown): { value: unknown } | { threw: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { threw: String(error) };
  }
}

describe("first sighting (interpreted) and later ones (compiled)", () => {
  it("agree on random logic trees", () => {
    fc.assert(
      fc.property(anyLogic, anyData, (logic, data) => {
        if (
          Object.hasOwn(
            outcome(() => checkLimits(logic)),
            "threw",
          )
        )
          return;
        const interpreted = outcome(() => interpret(logic, data, ctx));
        expect(interpreted).toEqual(outcome(() => compileNode(logic)(data, ctx)));
      }),
      { numRuns: 1000 },
    );
  });

  it("give the same result through evaluate on the first, second and third call", () => {
    fc.assert(
      fc.property(anyLogic, anyData, (logic, data) => {
        if (logic === null || typeof logic !== "object") return;
        const first = outcome(() => evaluate(logic, data, ctx));
        expect(outcome(() => evaluate(logic, data, ctx))).toEqual(first);
        expect(outcome(() => evaluate(logic, data, ctx))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});

// Standard rules where our semantics are meant to equal json-logic-js: numbers in arithmetic and
// comparisons, any values in equality, truthiness and control flow.
const numVar = fc.constantFrom({ var: "n1" }, { var: "n2" }, { var: "nested.n3" }, { var: "list.1" });

const standard = fc.letrec<{ num: unknown; bool: unknown; any: unknown }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small" },
    fc.integer({ min: -50, max: 50 }),
    numVar,
    fc.array(tie("num"), { minLength: 1, maxLength: 3 }).map((args) => ({ "+": args })),
    fc.tuple(tie("num"), tie("num")).map((args) => ({ "*": args })),
    fc.tuple(tie("num"), tie("num")).map((args) => ({ "-": args })),
    tie("num").map((a) => ({ "-": [a] })),
    // A zero divisor gives NaN in json-logic and #NUM! in formulas: a deliberate difference.
    fc
      .tuple(
        tie("num"),
        fc.integer({ min: -9, max: 9 }).filter((d) => d !== 0),
      )
      .map((args) => ({ "%": args })),
    fc.array(tie("num"), { minLength: 1, maxLength: 3 }).map((args) => ({ max: args })),
    fc.array(tie("num"), { minLength: 1, maxLength: 3 }).map((args) => ({ min: args })),
    fc.tuple(tie("bool"), tie("num"), tie("num")).map((args) => ({ if: args })),
  ),
  bool: fc.oneof(
    { depthSize: "small" },
    fc.boolean(),
    fc
      .tuple(fc.constantFrom("<", ">", "<=", ">="), tie("num"), tie("num"))
      .map(([op, a, b]) => ({ [op]: [a, b] })),
    fc
      .tuple(fc.constantFrom("<", "<="), tie("num"), tie("num"), tie("num"))
      .map(([op, ...args]) => ({ [op]: args })),
    fc
      .tuple(fc.constantFrom("==", "!=", "===", "!=="), tie("any"), tie("any"))
      .map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(fc.constantFrom("!", "!!"), tie("any")).map(([op, a]) => ({ [op]: [a] })),
    fc
      .tuple(fc.constantFrom("and", "or"), fc.array(tie("any"), { minLength: 1, maxLength: 3 }))
      .map(([op, args]) => ({ [op]: args })),
    fc
      .tuple(fc.string({ maxLength: 2 }), fc.constantFrom({ var: "s" }, "hello"))
      .map((args) => ({ in: args })),
    fc.tuple(tie("num"), fc.constant({ var: "list" })).map((args) => ({ in: args })),
  ),
  any: fc.oneof(
    { depthSize: "small" },
    tie("num"),
    tie("bool"),
    fc.constantFrom(
      null,
      "",
      "0",
      "a",
      { var: "s" },
      { var: "missing" },
      { var: ["missing", 7] },
      { var: "list" },
    ),
    fc.array(tie("any"), { maxLength: 2 }).map((args) => ({ cat: args })),
    fc.tuple(tie("bool"), tie("any"), tie("any")).map((args) => ({ if: args })),
  ),
})).any;

const numbersData = fc.record({
  n1: fc.integer({ min: -100, max: 100 }),
  n2: fc.integer({ min: -100, max: 100 }),
  nested: fc.record({ n3: fc.integer({ min: -100, max: 100 }) }),
  list: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 2, maxLength: 4 }),
  s: fc.string({ maxLength: 6 }),
});

/** json-logic-js turns -0 into 0 through parseFloat in + and *; the sign of zero is not a difference. */
const withoutNegativeZero = (v: unknown): unknown =>
  v === 0 ? 0 : Array.isArray(v) ? v.map(withoutNegativeZero) : v;

describe("agreement with json-logic-js", () => {
  it("gives the same result on random standard rules", () => {
    fc.assert(
      fc.property(standard, numbersData, (rule, data) => {
        const ours = withoutNegativeZero(evaluate(rule, data, ctx));
        expect(ours).toEqual(withoutNegativeZero(jsonLogic.apply(rule as never, data)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("interpreter and compiled closures on rule-shaped logic", () => {
  it("agree on random standard rules, where the interpreter's own operators are dense", () => {
    fc.assert(
      fc.property(standard, numbersData, (rule, data) => {
        expect(outcome(() => interpret(rule, data, ctx))).toEqual(
          outcome(() => compileNode(rule)(data, ctx)),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
