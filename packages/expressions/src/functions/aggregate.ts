import { type EvalContext, FormulaErrorValue, type FunctionSpec } from "../types";
import { flatten } from "./coerce";
import { type Criterion, parseCriterion } from "./criteria";
import { DEFAULT_TIME_ZONE } from "./dates";
import { inCategory, VARIADIC } from "./define";
import { divZero, valueError } from "./errors";

const aggregate = inCategory("aggregate");

const column = (value: unknown): unknown[] => (Array.isArray(value) ? flatten(value) : [value]);

/**
 * The cells of `valueColumn` in the rows where every (criteria column, criteria) pair of `conditions`
 * holds. All columns must have the same number of rows.
 */
function valuesWhere(
  valueColumn: unknown,
  conditions: unknown[],
  timeZone: string,
): unknown[] | FormulaErrorValue {
  if (conditions.length % 2 !== 0) return valueError("criteria come in (column, criteria) pairs");
  const values = column(valueColumn);
  const tests: { cells: unknown[]; criterion: Criterion }[] = [];
  for (let i = 0; i < conditions.length; i += 2) {
    const cells = column(conditions[i]);
    if (cells.length !== values.length) return valueError("the columns differ in length");
    const criterion = parseCriterion(conditions[i + 1], timeZone);
    if (criterion instanceof FormulaErrorValue) return criterion;
    tests.push({ cells, criterion });
  }
  const out: unknown[] = [];
  for (let row = 0; row < values.length; row++) {
    if (tests.every(({ cells, criterion }) => criterion(cells[row]))) out.push(values[row]);
  }
  return out;
}

/** Numbers among the matched cells; an error in a matched cell propagates, as in Excel. */
function numbersWhere(
  valueColumn: unknown,
  conditions: unknown[],
  timeZone: string,
): number[] | FormulaErrorValue {
  const matched = valuesWhere(valueColumn, conditions, timeZone);
  if (matched instanceof FormulaErrorValue) return matched;
  const numbers: number[] = [];
  for (const v of matched) {
    if (v instanceof FormulaErrorValue) return v;
    if (typeof v === "number" && Number.isFinite(v)) numbers.push(v);
  }
  return numbers;
}

const zoneOf = (ctx: EvalContext): string => ctx.timeZone ?? DEFAULT_TIME_ZONE;
const total = (numbers: number[]): number => numbers.reduce((a, b) => a + b, 0);
const average = (numbers: number[]): number | FormulaErrorValue =>
  numbers.length === 0 ? divZero("no row meets the criteria") : total(numbers) / numbers.length;
const extreme = (numbers: number[], better: (a: number, b: number) => boolean): number => {
  let best = numbers[0] ?? 0;
  for (const n of numbers) if (better(n, best)) best = n;
  return best;
};

/** A conditional aggregate over numbers: (value column, conditions) picked from the arguments. */
function over(
  pick: (args: unknown[]) => [unknown, unknown[]],
  reduce: (numbers: number[]) => unknown,
): FunctionSpec["impl"] {
  return (args, ctx) => {
    const [values, conditions] = pick(args);
    const numbers = numbersWhere(values, conditions, zoneOf(ctx));
    return numbers instanceof FormulaErrorValue ? numbers : reduce(numbers);
  };
}

/** SUMIF/AVERAGEIF: (criteria column, criteria, [value column]). */
const singleCriteria = (args: unknown[]): [unknown, unknown[]] => [
  args.length > 2 ? args[2] : args[0],
  [args[0], args[1]],
];
/** SUMIFS/AVERAGEIFS/MAXIFS/MINIFS: (value column, column1, criteria1, ...). */
const valueFirst = (args: unknown[]): [unknown, unknown[]] => [args[0], args.slice(1)];

const CRITERIA_ZH = '条件可以是值（等于），或 ">10"、"<>a"、"=x"、"a*"（通配符）这样的文本。';
const CRITERIA_EN = 'Criteria are a value to equal, or text such as ">10", "<>a", "=x", "a*" (wildcards).';

/** COUNTIF/COUNTIFS: the number of rows meeting every condition, whatever their cells hold. */
const countRows: FunctionSpec["impl"] = (args, ctx) => {
  const matched = valuesWhere(args[0], args, zoneOf(ctx));
  return matched instanceof FormulaErrorValue ? matched : matched.length;
};

const PAIRS: FunctionSpec["args"] = [{ array: "any" }, "any"];

export const AGGREGATE_FUNCTIONS: FunctionSpec[] = [
  aggregate({
    name: "SUMIF",
    minArgs: 2,
    maxArgs: 3,
    args: [{ array: "any" }, "any", { array: "number" }],
    returns: "number",
    impl: over(singleCriteria, total),
    doc: {
      zh: `对满足条件的行求和：SUMIF(条件列, 条件, [求和列])。${CRITERIA_ZH}`,
      en: `Adds the rows that meet the criteria: SUMIF(criteria column, criteria, [sum column]). ${CRITERIA_EN}`,
      example: 'SUMIF(items.product,"笔*",items.subtotal)',
      result: "15",
    },
  }),
  aggregate({
    name: "COUNTIF",
    minArgs: 2,
    maxArgs: 2,
    args: PAIRS,
    returns: "number",
    impl: countRows,
    doc: {
      zh: `统计满足条件的行数：COUNTIF(条件列, 条件)。${CRITERIA_ZH}`,
      en: `Counts the rows that meet the criteria: COUNTIF(criteria column, criteria). ${CRITERIA_EN}`,
      example: 'COUNTIF(items.qty,">2")',
      result: "2",
    },
  }),
  aggregate({
    name: "AVERAGEIF",
    minArgs: 2,
    maxArgs: 3,
    args: [{ array: "any" }, "any", { array: "number" }],
    returns: "number",
    impl: over(singleCriteria, average),
    doc: {
      zh: `对满足条件的行求平均值；没有满足条件的行时返回 #DIV/0!。${CRITERIA_ZH}`,
      en: `Average of the rows that meet the criteria; #DIV/0! when none does. ${CRITERIA_EN}`,
      example: 'AVERAGEIF(items.qty,">2")',
      result: "4",
    },
  }),
  aggregate({
    name: "SUMIFS",
    minArgs: 3,
    maxArgs: VARIADIC,
    args: [{ array: "number" }, ...PAIRS],
    returns: "number",
    impl: over(valueFirst, total),
    doc: {
      zh: `对同时满足所有条件的行求和：SUMIFS(求和列, 条件列1, 条件1, 条件列2, 条件2, ...)。${CRITERIA_ZH}`,
      en: `Adds the rows that meet every criteria: SUMIFS(sum column, column1, criteria1, column2, criteria2, ...). ${CRITERIA_EN}`,
      example: 'SUMIFS(items.subtotal,items.qty,">1",items.price,">0")',
      result: "35",
    },
  }),
  aggregate({
    name: "COUNTIFS",
    minArgs: 2,
    maxArgs: VARIADIC,
    args: PAIRS,
    returns: "number",
    impl: countRows,
    doc: {
      zh: `统计同时满足所有条件的行数：COUNTIFS(条件列1, 条件1, 条件列2, 条件2, ...)。${CRITERIA_ZH}`,
      en: `Counts the rows that meet every criteria: COUNTIFS(column1, criteria1, column2, criteria2, ...). ${CRITERIA_EN}`,
      example: 'COUNTIFS(items.qty,">2",items.price,"<10")',
      result: "2",
    },
  }),
  aggregate({
    name: "AVERAGEIFS",
    minArgs: 3,
    maxArgs: VARIADIC,
    args: [{ array: "number" }, ...PAIRS],
    returns: "number",
    impl: over(valueFirst, average),
    doc: {
      zh: `对同时满足所有条件的行求平均值；没有时返回 #DIV/0!。${CRITERIA_ZH}`,
      en: `Average of the rows that meet every criteria; #DIV/0! when none does. ${CRITERIA_EN}`,
      example: 'AVERAGEIFS(items.subtotal,items.qty,">=2",items.product,"<>尺子")',
      result: "17.5",
    },
  }),
  aggregate({
    name: "MAXIFS",
    minArgs: 3,
    maxArgs: VARIADIC,
    args: [{ array: "number" }, ...PAIRS],
    returns: "number",
    impl: over(valueFirst, (numbers) => extreme(numbers, (a, b) => a > b)),
    doc: {
      zh: `满足所有条件的行中的最大值；没有时为 0。${CRITERIA_ZH}`,
      en: `Largest value among the rows that meet every criteria; 0 when none does. ${CRITERIA_EN}`,
      example: 'MAXIFS(items.subtotal,items.qty,"<5")',
      result: "20",
    },
  }),
  aggregate({
    name: "MINIFS",
    minArgs: 3,
    maxArgs: VARIADIC,
    args: [{ array: "number" }, ...PAIRS],
    returns: "number",
    impl: over(valueFirst, (numbers) => extreme(numbers, (a, b) => a < b)),
    doc: {
      zh: `满足所有条件的行中的最小值；没有时为 0。${CRITERIA_ZH}`,
      en: `Smallest value among the rows that meet every criteria; 0 when none does. ${CRITERIA_EN}`,
      example: 'MINIFS(items.price,items.qty,">2")',
      result: "0",
    },
  }),
];
