import { DEFAULT_TIME_ZONE } from "../functions/dates";
import { toPrecision15 } from "../functions/decimal";
import { valueError } from "../functions/errors";
import { FormulaErrorValue } from "../types";
import { add, concat, divide, multiply, negate, raise, subtract } from "./arithmetic";
import { compareValues } from "./compare";
import type { Compiled, OperationBuilder } from "./compiled";

// The formula operators. `+ - * / < > <= >=` share their names with json-logic, so they keep its
// shapes (variadic + and *, unary -, the between form {"<":[a,b,c]}) while computing with Excel
// blanks, coercion and errors. `^ & = <>` exist only in formulas.

type Binary = (a: unknown, b: unknown, timeZone: string) => unknown;

/** The time zone dates are read in. */
export const zone = (ctx: { timeZone?: string }): string => ctx.timeZone ?? DEFAULT_TIME_ZONE;

function binary(fn: Binary): OperationBuilder {
  return (args, compile) => {
    const a = compile(args[0]);
    const b = compile(args[1]);
    return (data, ctx) => fn(a(data, ctx), b(data, ctx), zone(ctx));
  };
}

/** + and * fold over any number of operands, as json-logic's do. */
function fold(fn: Binary, seed: unknown): OperationBuilder {
  return (args, compile) => {
    const operands = args.map((a) => compile(a));
    if (operands.length === 2) {
      const [a, b] = operands as [Compiled, Compiled];
      return (data, ctx) => fn(a(data, ctx), b(data, ctx), zone(ctx));
    }
    return (data, ctx) => {
      if (operands.length === 0) return seed ?? valueError("no operands");
      let acc = seed === undefined ? (operands[0] as Compiled)(data, ctx) : seed;
      for (let i = seed === undefined ? 1 : 0; i < operands.length; i++) {
        acc = fn(acc, (operands[i] as Compiled)(data, ctx), zone(ctx));
        if (acc instanceof FormulaErrorValue) return acc;
      }
      // A single operand is still coerced to a number: {"*":["2"]} is 2.
      return seed === undefined && operands.length === 1 ? fn(acc, 1, zone(ctx)) : acc;
    };
  };
}

/** Equal as Excel sees numbers, to 15 significant digits: 0.1 + 0.2 = 0.3 is TRUE. */
const sameNumber = (a: number, b: number): boolean => a === b || toPrecision15(a) === toPrecision15(b);

type Test = (order: number) => boolean;

/** A comparison operator: `compare` tests two values; `between` allows the form {"<":[a,b,c]}. */
export interface Comparison {
  compare(a: unknown, b: unknown, ctx: { timeZone?: string }): unknown;
  between: boolean;
}

function comparison(test: Test, numeric: (a: number, b: number) => boolean, between: boolean): Comparison {
  return {
    compare: (a, b, ctx) => {
      if (typeof a === "number" && typeof b === "number") return numeric(a, b);
      const order = compareValues(a, b, zone(ctx));
      return typeof order === "number" ? test(order) : order;
    },
    between,
  };
}

/** The comparison operators by name, shared by the compiler and the interpreter. */
export const COMPARISONS: Record<string, Comparison> = {
  "=": comparison((o) => o === 0, sameNumber, false),
  "<>": comparison(
    (o) => o !== 0,
    (a, b) => !sameNumber(a, b),
    false,
  ),
  "<": comparison(
    (o) => o < 0,
    (a, b) => a < b,
    true,
  ),
  "<=": comparison(
    (o) => o <= 0,
    (a, b) => a <= b,
    true,
  ),
  ">": comparison(
    (o) => o > 0,
    (a, b) => a > b,
    false,
  ),
  ">=": comparison(
    (o) => o >= 0,
    (a, b) => a >= b,
    false,
  ),
};

function comparisonOperation(op: Comparison): OperationBuilder {
  const { compare } = op;
  return (args, compile) => {
    const a = compile(args[0]);
    const b = compile(args[1]);
    if (!op.between || args.length < 3) return (data, ctx) => compare(a(data, ctx), b(data, ctx), ctx);
    const c = compile(args[2]);
    return (data, ctx) => {
      const middle = b(data, ctx);
      const first = compare(a(data, ctx), middle, ctx);
      if (first !== true) return first;
      return compare(middle, c(data, ctx), ctx);
    };
  };
}

export const EXCEL_OPERATIONS: Record<string, OperationBuilder> = {
  "+": fold(add, 0),
  "*": fold((a, b) => multiply(a, b), undefined),
  "-": (args, compile) => {
    if (args.length === 0) return () => valueError("- needs an operand");
    if (args.length === 1) {
      const a = compile(args[0]);
      return (data, ctx) => negate(a(data, ctx));
    }
    return binary(subtract)(args, compile);
  },
  "/": binary((a, b) => divide(a, b)),
  "^": binary((a, b) => raise(a, b)),
  "&": binary((a, b) => concat(a, b)),
  ...Object.fromEntries(
    Object.entries(COMPARISONS).map(([name, op]) => [name, comparisonOperation(op)] as const),
  ),
};
