import { FormulaErrorValue } from "../types";
import { isBlank, parseNumericText, toText } from "./coerce";
import { isDateText, toLocalDate } from "./dates";
import { matchesWhole, parseWildcard } from "./wildcard";

// Excel criteria of SUMIF/COUNTIF/AVERAGEIF: a value to equal, or text such as ">10", "<>a", "=x",
// "a*" (wildcards ? * with ~ escaping). Numbers compare with numbers, dates with dates, text
// case-insensitively; "=" alone matches blanks and "<>" alone matches everything that is not blank.

export type Criterion = (cell: unknown) => boolean;

const OPERATOR = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/;

type Comparison = "=" | "<>" | "<" | ">" | "<=" | ">=";

const COMPARE: Record<Comparison, (order: number) => boolean> = {
  "=": (o) => o === 0,
  "<>": (o) => o !== 0,
  "<": (o) => o < 0,
  ">": (o) => o > 0,
  "<=": (o) => o <= 0,
  ">=": (o) => o >= 0,
};

function cellNumber(cell: unknown): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "string") return parseNumericText(cell);
  return undefined;
}

function wildcardMatcher(pattern: string): (text: string) => boolean {
  if (!/[*?~]/.test(pattern)) {
    const lower = pattern.toLowerCase();
    return (text) => text.toLowerCase() === lower;
  }
  const wildcard = parseWildcard(pattern);
  return (text) => matchesWhole(wildcard, text);
}

export function parseCriterion(criteria: unknown, timeZone: string): Criterion | FormulaErrorValue {
  if (criteria instanceof FormulaErrorValue) return criteria;
  if (typeof criteria === "number") return (cell) => cellNumber(cell) === criteria;
  if (typeof criteria === "boolean") return (cell) => cell === criteria;
  const text = toText(criteria);
  if (text instanceof FormulaErrorValue) return text;
  const [, op = "=", operandText = ""] = OPERATOR.exec(text) ?? [];
  const comparison = op as Comparison;
  const test = COMPARE[comparison];
  if (operandText === "") {
    if (comparison === "=") return (cell) => isBlank(cell);
    if (comparison === "<>") return (cell) => !isBlank(cell);
    return () => false;
  }
  const number = parseNumericText(operandText);
  if (number !== undefined) {
    return (cell) => {
      const n = cellNumber(cell);
      return n === undefined ? comparison === "<>" : test(Math.sign(n - number));
    };
  }
  if (isDateText(operandText)) {
    const target = toLocalDate(operandText, timeZone);
    if (target instanceof FormulaErrorValue || target === null) return () => false;
    return (cell) => {
      const d = isDateText(cell) || typeof cell === "number" ? toLocalDate(cell, timeZone) : null;
      if (d === null || d instanceof FormulaErrorValue) return comparison === "<>";
      return test(Math.sign(d.ms - target.ms));
    };
  }
  if (comparison === "=" || comparison === "<>") {
    const matches = wildcardMatcher(operandText);
    return (cell) => {
      const cellText = typeof cell === "string" ? cell : cell == null ? "" : toText(cell);
      const equal = typeof cellText === "string" && matches(cellText);
      return comparison === "=" ? equal : !equal;
    };
  }
  const lower = operandText.toLowerCase();
  return (cell) => {
    if (typeof cell !== "string") return false;
    const c = cell.toLowerCase();
    return test(c < lower ? -1 : c > lower ? 1 : 0);
  };
}
