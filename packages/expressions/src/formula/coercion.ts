import { isError, toBoolean, toNumber } from "../functions";
import { isDateText } from "../functions/dates";
import type { DiagnosticDetail, FormulaType } from "../types";
import type { FormulaNode } from "./ast";

/*
 * Which values the type checker lets stand where another type is wanted. The rules follow what the
 * evaluator does at run time (Excel coercion, with dates held as ISO text, e.g. "2024-03-01"), and
 * flag only what will certainly give #VALUE! or be silently ignored:
 * - number: numbers, booleans (TRUE = 1) and blanks convert. Text converts when it holds digits, so a
 *   text field or a text function's result is accepted; only a text LITERAL that is not numeric
 *   ("abc" * 2) is a mismatch. A date is not a number (date * 2 is #VALUE!); date arithmetic is
 *   `date ± days` and `date - date`, which the checker handles at the + and - operators.
 * - number inside a sub-form column (SUM, MAX, ...): only number cells count, as in Excel's ranges;
 *   a column of text, dates or booleans would be silently ignored, so it is a mismatch.
 * - logical: booleans, numbers and blanks convert; dates and text literals other than "TRUE"/"FALSE"
 *   are mismatches.
 * - date: dates, numbers (epoch milliseconds) and text that may hold a date convert; booleans and text
 *   literals that are not ISO dates are mismatches.
 * - text: every single value converts.
 * - one value (operators, scalar arguments): a sub-form column holds one value per row, so it is a
 *   mismatch there; aggregate it (SUM, COUNT, ...). `any` and column arguments accept it.
 * - `any` (an unknown field, a result the checker cannot know) and blank are never mismatches.
 */

/** "single" is any one value: what `&` and the comparisons accept. */
export type Expected = FormulaType | "single";

export function describeType(type: FormulaType): string {
  if (typeof type === "object") return `a sub-form column of ${describeType(type.array)} values`;
  return type === "text" ? "text" : type === "any" ? "any value" : type === "null" ? "blank" : `a ${type}`;
}

/** The text of a string literal (possibly behind a unary plus), the only text known before run time. */
export function literalText(node: FormulaNode): string | undefined {
  if (node.kind === "string") return node.value;
  if (node.kind === "unary" && node.operator === "+") return literalText(node.operand);
  return undefined;
}

/** A type mismatch: the English account and the key and values the UI words it with. */
export interface Mismatch {
  message: string;
  detail: DiagnosticDetail;
}

/** A type as a translation parameter: "number", "text", ... or "column" for a nested column. */
const typeName = (type: FormulaType): string => (typeof type === "object" ? "column" : type);

function columnMismatch(element: FormulaType, expected: FormulaType): Mismatch | undefined {
  if (expected === "number" && element !== "number" && element !== "any" && element !== "null") {
    return {
      message: `only number cells of a column are counted, so ${describeType({ array: element })} adds nothing`,
      detail: { key: "columnNotCounted", params: { type: typeName(element) } },
    };
  }
  return undefined;
}

/** Why a value of type `actual` (from `node`) cannot stand where `expected` is wanted, if it cannot. */
export function mismatch(node: FormulaNode, actual: FormulaType, expected: Expected): Mismatch | undefined {
  if (expected === "any" || actual === "any" || actual === "null") return undefined;
  if (typeof expected === "object") {
    if (typeof actual === "object") return columnMismatch(actual.array, expected.array);
    return mismatch(node, actual, expected.array);
  }
  if (typeof actual === "object") {
    return {
      message: `${describeType(actual)} holds one value per row where one value is expected; aggregate it, e.g. with SUM or COUNT`,
      detail: { key: "columnWhereOneValue", params: { type: typeName(actual.array) } },
    };
  }
  const text = actual === "text" ? literalText(node) : undefined;
  switch (expected) {
    case "number":
      if (actual === "date")
        return {
          message: "a date is not a number here: use date ± days, date - date or DAYS()",
          detail: { key: "dateNotNumber" },
        };
      if (text !== undefined && isError(toNumber(text)))
        return {
          message: `"${text}" is text, not a number (gives #VALUE!)`,
          detail: { key: "textNotNumber", params: { text } },
        };
      return undefined;
    case "boolean":
      if (actual === "date")
        return { message: "a date is not TRUE or FALSE", detail: { key: "dateNotBoolean" } };
      if (text !== undefined && isError(toBoolean(text)))
        return {
          message: `"${text}" is text, not TRUE or FALSE (gives #VALUE!)`,
          detail: { key: "textNotBoolean", params: { text } },
        };
      return undefined;
    case "date":
      if (actual === "boolean")
        return { message: "TRUE or FALSE is not a date", detail: { key: "booleanNotDate" } };
      if (text !== undefined && !isDateText(text))
        return {
          message: `"${text}" is not a date; write dates as "2024-03-01"`,
          detail: { key: "textNotDate", params: { text } },
        };
      return undefined;
    default:
      return undefined;
  }
}
