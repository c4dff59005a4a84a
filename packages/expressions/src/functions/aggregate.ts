import { FormulaErrorValue, type FunctionSpec } from "../types";
import { flatten } from "./coerce";
import { type Criterion, parseCriterion } from "./criteria";
import { DEFAULT_TIME_ZONE } from "./dates";
import { inCategory } from "./define";
import { divZero, valueError } from "./errors";

const aggregate = inCategory("aggregate");

/** The rows of `range` that meet the criteria, paired with the same rows of the value column. */
function matchingValues(args: unknown[], timeZone: string): unknown[] | FormulaErrorValue {
  const [range, criteria, valuesArg] = args;
  if (criteria instanceof FormulaErrorValue) return criteria;
  const cells = Array.isArray(range) ? flatten(range) : [range];
  const values =
    valuesArg === undefined ? cells : Array.isArray(valuesArg) ? flatten(valuesArg) : [valuesArg];
  if (values.length !== cells.length)
    return valueError("the criteria column and the value column differ in length");
  const criterion: Criterion | FormulaErrorValue = parseCriterion(criteria, timeZone);
  if (criterion instanceof FormulaErrorValue) return criterion;
  const out: unknown[] = [];
  for (let i = 0; i < cells.length; i++) if (criterion(cells[i])) out.push(values[i]);
  return out;
}

/** Numbers among the matched values; an error in a matched cell propagates, as in Excel. */
function matchedNumbers(args: unknown[], timeZone: string): number[] | FormulaErrorValue {
  const matched = matchingValues(args, timeZone);
  if (matched instanceof FormulaErrorValue) return matched;
  const numbers: number[] = [];
  for (const v of matched) {
    if (v instanceof FormulaErrorValue) return v;
    if (typeof v === "number" && Number.isFinite(v)) numbers.push(v);
  }
  return numbers;
}

const CRITERIA_ZH = '条件可以是值（等于），或 ">10"、"<>a"、"=x"、"a*"（通配符）这样的文本。';
const CRITERIA_EN = 'Criteria are a value to equal, or text such as ">10", "<>a", "=x", "a*" (wildcards).';

export const AGGREGATE_FUNCTIONS: FunctionSpec[] = [
  aggregate({
    name: "SUMIF",
    minArgs: 2,
    maxArgs: 3,
    args: [{ array: "any" }, "any", { array: "number" }],
    returns: "number",
    impl: (args, ctx) => {
      const numbers = matchedNumbers(args, ctx.timeZone ?? DEFAULT_TIME_ZONE);
      return numbers instanceof FormulaErrorValue ? numbers : numbers.reduce((a, b) => a + b, 0);
    },
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
    args: [{ array: "any" }, "any"],
    returns: "number",
    impl: (args, ctx) => {
      const matched = matchingValues(args, ctx.timeZone ?? DEFAULT_TIME_ZONE);
      return matched instanceof FormulaErrorValue ? matched : matched.length;
    },
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
    impl: (args, ctx) => {
      const numbers = matchedNumbers(args, ctx.timeZone ?? DEFAULT_TIME_ZONE);
      if (numbers instanceof FormulaErrorValue) return numbers;
      return numbers.length === 0
        ? divZero("no row meets the criteria")
        : numbers.reduce((a, b) => a + b, 0) / numbers.length;
    },
    doc: {
      zh: `对满足条件的行求平均值；没有满足条件的行时返回 #DIV/0!。${CRITERIA_ZH}`,
      en: `Average of the rows that meet the criteria; #DIV/0! when none does. ${CRITERIA_EN}`,
      example: 'AVERAGEIF(items.qty,">2")',
      result: "4",
    },
  }),
];
