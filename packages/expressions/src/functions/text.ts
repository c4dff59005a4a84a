import { FormulaErrorValue, type FunctionSpec } from "../types";
import { flatten, parseNumericText, toNumber, toText } from "./coerce";
import { DEFAULT_TIME_ZONE } from "./dates";
import { inCategory, propagatingErrors, VARIADIC } from "./define";
import { valueError } from "./errors";
import { formatText } from "./text-format";
import { parseWildcard, searchWildcard } from "./wildcard";

const text = inCategory("text");

/** Excel's cell limit; also keeps REPT and concatenation from building unbounded strings. */
export const MAX_TEXT_LENGTH = 32_767;

const tooLong = (): FormulaErrorValue => valueError(`text longer than ${MAX_TEXT_LENGTH} characters`);

export function checkedText(value: string): string | FormulaErrorValue {
  return value.length > MAX_TEXT_LENGTH ? tooLong() : value;
}

type Arg = { kind: "text" } | { kind: "number"; fallback?: number };
const T: Arg = { kind: "text" };
const N = (fallback?: number): Arg =>
  fallback === undefined ? { kind: "number" } : { kind: "number", fallback };

/** Coerces arguments by kind (text or number with optional default) and calls the body. */
function coerced(kinds: Arg[], body: (values: (string | number)[]) => unknown): FunctionSpec["impl"] {
  return propagatingErrors((args) => {
    const values: (string | number)[] = [];
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i] as Arg;
      if (kind.kind === "number" && i >= args.length && kind.fallback !== undefined) {
        values.push(kind.fallback);
        continue;
      }
      const v = kind.kind === "text" ? toText(args[i]) : toNumber(args[i]);
      if (v instanceof FormulaErrorValue) return v;
      values.push(v);
    }
    return body(values);
  });
}

/** Text as characters (code points), so an emoji or a rare CJK character counts once. */
const chars = (s: string): string[] => Array.from(s);

function position(find: string, within: string, start: number, caseSensitive: boolean) {
  const text = chars(within);
  if (start < 1 || start > text.length + 1) return valueError("start position out of range");
  let index: number;
  if (caseSensitive) {
    const tail = text.slice(start - 1).join("");
    const at = tail.indexOf(find);
    index = at < 0 ? -1 : start - 1 + chars(tail.slice(0, at)).length;
  } else index = searchWildcard(parseWildcard(find), text, start - 1);
  if (index < 0) return valueError(`"${find}" not found`);
  return index + 1;
}

export const TEXT_FUNCTIONS: FunctionSpec[] = [
  text({
    name: "CONCATENATE",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: [{ array: "any" }],
    returns: "text",
    impl: propagatingErrors((args) => {
      let out = "";
      for (const v of flatten(args)) {
        const s = toText(v);
        if (s instanceof FormulaErrorValue) return s;
        out += s;
        if (out.length > MAX_TEXT_LENGTH) return checkedText(out);
      }
      return out;
    }),
    doc: {
      zh: "把多个值连接成一段文本；子表单列的每个值依次连接。",
      en: "Joins values into one text; every value of a sub-form column is joined in order.",
      example: 'CONCATENATE("报价-",2024,"-",1)',
      result: "报价-2024-1",
    },
  }),
  text({
    name: "LEFT",
    minArgs: 1,
    maxArgs: 2,
    args: ["text", "number"],
    returns: "text",
    impl: coerced([T, N(1)], ([s, n]) =>
      (n as number) < 0
        ? valueError("negative length")
        : chars(s as string)
            .slice(0, Math.trunc(n as number))
            .join(""),
    ),
    doc: {
      zh: "从左边取指定个数的字符。",
      en: "The first characters of a text.",
      example: 'LEFT("简道云表单",3)',
      result: "简道云",
    },
  }),
  text({
    name: "RIGHT",
    minArgs: 1,
    maxArgs: 2,
    args: ["text", "number"],
    returns: "text",
    impl: coerced([T, N(1)], ([s, n]) => {
      const count = Math.trunc(n as number);
      if (count < 0) return valueError("negative length");
      const all = chars(s as string);
      return count === 0 ? "" : all.slice(Math.max(all.length - count, 0)).join("");
    }),
    doc: {
      zh: "从右边取指定个数的字符。",
      en: "The last characters of a text.",
      example: 'RIGHT("2024-03-15",2)',
      result: "15",
    },
  }),
  text({
    name: "MID",
    minArgs: 3,
    maxArgs: 3,
    args: ["text", "number", "number"],
    returns: "text",
    impl: coerced([T, N(), N()], ([s, start, n]) => {
      const from = Math.trunc(start as number);
      const count = Math.trunc(n as number);
      if (from < 1 || count < 0) return valueError("start must be ≥ 1 and length ≥ 0");
      return chars(s as string)
        .slice(from - 1, from - 1 + count)
        .join("");
    }),
    doc: {
      zh: "从指定位置（从 1 开始）起取指定个数的字符。",
      en: "Characters from a start position (1-based) for a length.",
      example: 'MID("2024-03-15",6,2)',
      result: "03",
    },
  }),
  text({
    name: "LEN",
    minArgs: 1,
    maxArgs: 1,
    args: ["text"],
    returns: "number",
    impl: coerced([T], ([s]) => chars(s as string).length),
    doc: {
      zh: "文本的字符数。",
      en: "Number of characters of a text.",
      example: 'LEN("简道云")',
      result: "3",
    },
  }),
  text({
    name: "LOWER",
    minArgs: 1,
    maxArgs: 1,
    args: ["text"],
    returns: "text",
    impl: coerced([T], ([s]) => (s as string).toLowerCase()),
    doc: { zh: "转换为小写。", en: "Converts to lower case.", example: 'LOWER("ABC")', result: "abc" },
  }),
  text({
    name: "UPPER",
    minArgs: 1,
    maxArgs: 1,
    args: ["text"],
    returns: "text",
    impl: coerced([T], ([s]) => (s as string).toUpperCase()),
    doc: { zh: "转换为大写。", en: "Converts to upper case.", example: 'UPPER("abc")', result: "ABC" },
  }),
  text({
    name: "TRIM",
    minArgs: 1,
    maxArgs: 1,
    args: ["text"],
    returns: "text",
    impl: coerced([T], ([s]) => (s as string).trim().replace(/ {2,}/g, " ")),
    doc: {
      zh: "去掉首尾空格，并把中间连续的空格合并为一个。",
      en: "Removes leading and trailing spaces and collapses runs of inner spaces to one.",
      example: 'TRIM("  a   b ")',
      result: "a b",
    },
  }),
  text({
    name: "REPLACE",
    minArgs: 4,
    maxArgs: 4,
    args: ["text", "number", "number", "text"],
    returns: "text",
    impl: coerced([T, N(), N(), T], ([s, start, n, replacement]) => {
      const from = Math.trunc(start as number);
      const count = Math.trunc(n as number);
      if (from < 1 || count < 0) return valueError("start must be ≥ 1 and length ≥ 0");
      const all = chars(s as string);
      all.splice(from - 1, count, replacement as string);
      return checkedText(all.join(""));
    }),
    doc: {
      zh: "把从指定位置起的若干字符替换为新文本。",
      en: "Replaces a number of characters from a position with new text.",
      example: 'REPLACE("13812345678",4,4,"****")',
      result: "138****5678",
    },
  }),
  text({
    name: "SUBSTITUTE",
    minArgs: 3,
    maxArgs: 4,
    args: ["text", "text", "text", "number"],
    returns: "text",
    impl: propagatingErrors((args) => {
      const values = coerceAll(args.slice(0, 3));
      if (values instanceof FormulaErrorValue) return values;
      const [s = "", find = "", replacement = ""] = values;
      if (find === "") return s;
      const pieces = s.split(find);
      // Checked before joining: SUBSTITUTE of long texts could otherwise build a gigabyte string.
      const length = s.length + (pieces.length - 1) * (replacement.length - find.length);
      if (args.length < 4) {
        return length > MAX_TEXT_LENGTH ? tooLong() : pieces.join(replacement);
      }
      const nth = toNumber(args[3]);
      if (nth instanceof FormulaErrorValue) return nth;
      if (nth < 1) return valueError("instance must be ≥ 1");
      if (pieces.length <= nth) return s;
      const before = pieces.slice(0, nth).join(find);
      return checkedText(`${before}${replacement}${pieces.slice(nth).join(find)}`);
    }),
    doc: {
      zh: "把文本中的旧文本替换为新文本；给出第四个参数时只替换第几次出现。",
      en: "Replaces occurrences of old text with new text; only the n-th occurrence when a fourth argument is given.",
      example: 'SUBSTITUTE("a-b-c","-","/")',
      result: "a/b/c",
    },
  }),
  text({
    name: "SEARCH",
    minArgs: 2,
    maxArgs: 3,
    args: ["text", "text", "number"],
    returns: "number",
    impl: coerced([T, T, N(1)], ([find, within, start]) =>
      position(find as string, within as string, Math.trunc(start as number), false),
    ),
    doc: {
      zh: "查找文本首次出现的位置（不区分大小写，支持 ? 和 * 通配符）；找不到返回 #VALUE!。",
      en: "Position of the first match, case-insensitive, with ? and * wildcards; #VALUE! when absent.",
      example: 'SEARCH("b","ABC")',
      result: "2",
    },
  }),
  text({
    name: "FIND",
    minArgs: 2,
    maxArgs: 3,
    args: ["text", "text", "number"],
    returns: "number",
    impl: coerced([T, T, N(1)], ([find, within, start]) =>
      position(find as string, within as string, Math.trunc(start as number), true),
    ),
    doc: {
      zh: "查找文本首次出现的位置（区分大小写，无通配符）；找不到返回 #VALUE!。",
      en: "Position of the first match, case-sensitive, no wildcards; #VALUE! when absent.",
      example: 'FIND("C","ABC")',
      result: "3",
    },
  }),
  text({
    name: "SPLIT",
    minArgs: 2,
    maxArgs: 2,
    args: ["text", "text"],
    returns: { array: "text" },
    impl: coerced([T, T], ([s, separator]) =>
      (s as string) === "" ? [] : (s as string).split(separator as string),
    ),
    doc: {
      zh: "按分隔符把文本拆分为多个值。",
      en: "Splits a text into a list at a separator.",
      example: 'SPLIT("a,b,c",",")',
      result: '["a","b","c"]',
    },
  }),
  text({
    name: "TEXT",
    minArgs: 2,
    maxArgs: 2,
    args: ["any", "text"],
    returns: "text",
    impl: propagatingErrors((args, ctx) => {
      const format = toText(args[1]);
      if (format instanceof FormulaErrorValue) return format;
      return formatText(args[0], format, ctx.timeZone ?? DEFAULT_TIME_ZONE);
    }),
    doc: {
      zh: "按格式把数字或日期转为文本：数字用 0 # , . %，日期用 yyyy MM dd HH mm ss AM/PM。",
      en: "Formats a number or date as text: numbers with 0 # , . %, dates with yyyy MM dd HH mm ss AM/PM.",
      example: 'TEXT(1234.5,"#,##0.00")',
      result: "1,234.50",
    },
  }),
  text({
    name: "VALUE",
    minArgs: 1,
    maxArgs: 1,
    args: ["text"],
    returns: "number",
    impl: propagatingErrors((args) => {
      const v = args[0];
      if (typeof v === "string" && v.trim() !== "") {
        return parseNumericText(v) ?? valueError(`"${v}" is not a number`);
      }
      return toNumber(v);
    }),
    doc: {
      zh: "把表示数字的文本转换为数字（支持千位分隔符和百分号）。",
      en: "Converts text that represents a number (thousands separators and % allowed).",
      example: 'VALUE("1,234.5")',
      result: "1234.5",
    },
  }),
  text({
    name: "REPT",
    minArgs: 2,
    maxArgs: 2,
    args: ["text", "number"],
    returns: "text",
    impl: coerced([T, N()], ([s, n]) => {
      const times = Math.trunc(n as number);
      if (times < 0) return valueError("negative repeat count");
      if ((s as string).length * times > MAX_TEXT_LENGTH) return tooLong();
      return (s as string).repeat(times);
    }),
    doc: {
      zh: "把文本重复指定次数。",
      en: "Repeats a text a number of times.",
      example: 'REPT("★",3)',
      result: "★★★",
    },
  }),
  text({
    name: "EXACT",
    minArgs: 2,
    maxArgs: 2,
    args: ["text", "text"],
    returns: "boolean",
    impl: coerced([T, T], ([a, b]) => a === b),
    doc: {
      zh: "两段文本完全相同（区分大小写）时返回 TRUE。",
      en: "TRUE when two texts are identical, case included.",
      example: 'EXACT("Word","word")',
      result: "FALSE",
    },
  }),
];

function coerceAll(values: unknown[]): string[] | FormulaErrorValue {
  const out: string[] = [];
  for (const v of values) {
    const s = toText(v);
    if (s instanceof FormulaErrorValue) return s;
    out.push(s);
  }
  return out;
}
