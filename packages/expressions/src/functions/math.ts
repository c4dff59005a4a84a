import { FormulaErrorValue, type FunctionSpec } from "../types";
import { isBlank, toBoolean, toNumber } from "./coerce";
import { roundDecimal, toPrecision15 } from "./decimal";
import { inCategory, propagatingErrors, VARIADIC } from "./define";
import { divZero, numError, valueError } from "./errors";
import { collectNumbers, numberArgs, sum } from "./numbers";
import { RMB_LIMIT, rmbCapital } from "./rmb";

const math = inCategory("math");
const NUMBERS: FunctionSpec["args"] = [{ array: "number" }];

/** A function of fixed numeric arguments; optional trailing ones take `defaults`. */
function numeric(count: number, defaults: number[], body: (n: number[]) => unknown): FunctionSpec["impl"] {
  // numberArgs returns the first error among the arguments, so errors propagate without a second pass.
  return (args) => {
    const n = numberArgs(args, count, defaults);
    return n instanceof FormulaErrorValue ? n : body(n);
  };
}

/** A function over every number of its arguments, sub-form columns flattened. */
function overNumbers(body: (values: number[]) => unknown): FunctionSpec["impl"] {
  // collectNumbers returns the first error, in a column or not, so errors propagate without a second pass.
  return (args) => {
    const values = collectNumbers(args);
    return values instanceof FormulaErrorValue ? values : body(values);
  };
}

function rounding(mode: "half-away" | "up" | "down") {
  return numeric(2, [0], ([n = 0, digits = 0]) => roundDecimal(n, digits, mode));
}

/** Excel CEILING/FLOOR: multiples of `significance`; a negative significance needs a negative number. */
function toMultiple(direction: "up" | "down") {
  return numeric(2, [1], ([n = 0, significance = 1]) => {
    if (significance === 0 || n === 0) return 0;
    if (n > 0 && significance < 0) return numError("significance must be positive for a positive number");
    // Rounding the quotient covers every sign combination Excel allows: CEILING(-2.5,2) is -2, CEILING(-2.5,-2) is -4.
    const quotient = toPrecision15(n / significance);
    const step = direction === "up" ? Math.ceil(quotient) : Math.floor(quotient);
    return toPrecision15(step * significance);
  });
}

function kth(order: "largest" | "smallest"): FunctionSpec["impl"] {
  return propagatingErrors((args) => {
    const values = collectNumbers([args[0]]);
    if (values instanceof FormulaErrorValue) return values;
    const k = toNumber(args[1]);
    if (k instanceof FormulaErrorValue) return k;
    const index = Math.ceil(k) - 1;
    if (index < 0 || index >= values.length) return numError(`k must be between 1 and ${values.length}`);
    values.sort(order === "largest" ? (a, b) => b - a : (a, b) => a - b);
    return values[index];
  });
}

/** MAX/MIN without spreading, which fails beyond ~100,000 arguments (a large sub-form). 0 when empty. */
function extreme(values: number[], better: (a: number, b: number) => boolean): number {
  let best = values[0] ?? 0;
  for (const v of values) if (better(v, best)) best = v;
  return best;
}

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export const MATH_FUNCTIONS: FunctionSpec[] = [
  math({
    name: "SUM",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: NUMBERS,
    returns: "number",
    impl: overNumbers(sum),
    doc: {
      zh: "求和；子表单列的所有数值都会相加，空值被忽略。",
      en: "Adds numbers; every number of a sub-form column is included, blanks are skipped.",
      example: "SUM(1,2,3)",
      result: "6",
    },
  }),
  math({
    name: "AVERAGE",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: NUMBERS,
    returns: "number",
    impl: overNumbers((v) => (v.length === 0 ? divZero("no numbers to average") : sum(v) / v.length)),
    doc: {
      zh: "求平均值；空值不计入个数，没有数值时返回 #DIV/0!。",
      en: "Average of the numbers; blanks are not counted, #DIV/0! when there are none.",
      example: "AVERAGE(2,4,9)",
      result: "5",
    },
  }),
  math({
    name: "COUNT",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: [{ array: "any" }],
    returns: "number",
    impl: propagatingErrors((args) => {
      let count = 0;
      for (const arg of args) {
        if (Array.isArray(arg)) count += arg.flat(Infinity).filter((v) => typeof v === "number").length;
        else if (!isBlank(arg) && !(toNumber(arg) instanceof FormulaErrorValue)) count++;
      }
      return count;
    }),
    doc: {
      zh: "统计数值的个数（子表单列中只计数字）。",
      en: "Counts the numbers (within a sub-form column only numeric cells count).",
      example: 'COUNT(1,"2","a")',
      result: "2",
    },
  }),
  math({
    name: "COUNTA",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: [{ array: "any" }],
    returns: "number",
    impl: (args) => args.flat(Infinity).filter((v) => !isBlank(v)).length,
    doc: {
      zh: "统计非空值的个数。",
      en: "Counts the values that are not blank.",
      example: 'COUNTA("a","",3)',
      result: "2",
    },
  }),
  math({
    name: "MAX",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: NUMBERS,
    returns: "number",
    impl: overNumbers((v) => extreme(v, (a, b) => a > b)),
    doc: {
      zh: "最大值；没有数值时为 0。",
      en: "Largest number; 0 when there are none.",
      example: "MAX(3,9,4)",
      result: "9",
    },
  }),
  math({
    name: "MIN",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: NUMBERS,
    returns: "number",
    impl: overNumbers((v) => extreme(v, (a, b) => a < b)),
    doc: {
      zh: "最小值；没有数值时为 0。",
      en: "Smallest number; 0 when there are none.",
      example: "MIN(3,9,4)",
      result: "3",
    },
  }),
  math({
    name: "PRODUCT",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: NUMBERS,
    returns: "number",
    impl: overNumbers((v) => (v.length === 0 ? 0 : v.reduce((a, b) => a * b, 1))),
    doc: { zh: "乘积。", en: "Multiplies the numbers.", example: "PRODUCT(2,3,4)", result: "24" },
  }),
  math({
    name: "SUMPRODUCT",
    minArgs: 1,
    maxArgs: VARIADIC,
    args: [{ array: "number" }],
    returns: "number",
    impl: propagatingErrors((args) => {
      const columns = args.map((a) => (Array.isArray(a) ? a.flat(Infinity) : [a]));
      const length = columns[0]?.length ?? 0;
      if (columns.some((c) => c.length !== length)) return valueError("columns of different lengths");
      let total = 0;
      for (let row = 0; row < length; row++) {
        let product = 1;
        // Excel treats non-numeric cells as 0 in SUMPRODUCT.
        for (const column of columns)
          product *= typeof column[row] === "number" ? (column[row] as number) : 0;
        total += product;
      }
      return total;
    }),
    doc: {
      zh: "对应元素相乘后求和，常用于子表单：SUMPRODUCT(items.price, items.qty)。",
      en: "Multiplies matching items and adds the products, e.g. SUMPRODUCT(items.price, items.qty).",
      example: "SUMPRODUCT(items.price,items.qty)",
      result: "35",
    },
  }),
  math({
    name: "LARGE",
    minArgs: 2,
    maxArgs: 2,
    args: [{ array: "number" }, "number"],
    returns: "number",
    impl: kth("largest"),
    doc: {
      zh: "第 k 大的值；k 超出范围时返回 #NUM!。",
      en: "The k-th largest value; #NUM! when k is out of range.",
      example: "LARGE(items.qty,1)",
      result: "5",
    },
  }),
  math({
    name: "SMALL",
    minArgs: 2,
    maxArgs: 2,
    args: [{ array: "number" }, "number"],
    returns: "number",
    impl: kth("smallest"),
    doc: {
      zh: "第 k 小的值；k 超出范围时返回 #NUM!。",
      en: "The k-th smallest value; #NUM! when k is out of range.",
      example: "SMALL(items.qty,1)",
      result: "2",
    },
  }),
  math({
    name: "ROUND",
    minArgs: 1,
    maxArgs: 2,
    args: ["number", "number"],
    returns: "number",
    impl: rounding("half-away"),
    doc: {
      zh: "按指定小数位四舍五入（远离零），按十进制精确计算。",
      en: "Rounds half away from zero to the given decimals, exact in decimal.",
      example: "ROUND(2.675,2)",
      result: "2.68",
    },
  }),
  math({
    name: "ROUNDUP",
    minArgs: 1,
    maxArgs: 2,
    args: ["number", "number"],
    returns: "number",
    impl: rounding("up"),
    doc: {
      zh: "向远离零的方向舍入。",
      en: "Rounds away from zero.",
      example: "ROUNDUP(3.141,2)",
      result: "3.15",
    },
  }),
  math({
    name: "ROUNDDOWN",
    minArgs: 1,
    maxArgs: 2,
    args: ["number", "number"],
    returns: "number",
    impl: rounding("down"),
    doc: {
      zh: "向零的方向舍入（截断）。",
      en: "Rounds toward zero (truncates).",
      example: "ROUNDDOWN(-3.149,2)",
      result: "-3.14",
    },
  }),
  math({
    name: "CEILING",
    minArgs: 1,
    maxArgs: 2,
    args: ["number", "number"],
    returns: "number",
    impl: toMultiple("up"),
    doc: {
      zh: "向上舍入到基数（默认 1）的倍数。",
      en: "Rounds up to a multiple of the significance (default 1).",
      example: "CEILING(2.5,2)",
      result: "4",
    },
  }),
  math({
    name: "FLOOR",
    minArgs: 1,
    maxArgs: 2,
    args: ["number", "number"],
    returns: "number",
    impl: toMultiple("down"),
    doc: {
      zh: "向下舍入到基数（默认 1）的倍数。",
      en: "Rounds down to a multiple of the significance (default 1).",
      example: "FLOOR(2.5,2)",
      result: "2",
    },
  }),
  math({
    name: "INT",
    minArgs: 1,
    maxArgs: 1,
    args: ["number"],
    returns: "number",
    impl: numeric(1, [], ([n = 0]) => Math.floor(toPrecision15(n))),
    doc: {
      zh: "向下取整到最接近的整数。",
      en: "Rounds down to the nearest integer.",
      example: "INT(-3.5)",
      result: "-4",
    },
  }),
  math({
    name: "ABS",
    minArgs: 1,
    maxArgs: 1,
    args: ["number"],
    returns: "number",
    impl: numeric(1, [], ([n = 0]) => Math.abs(n)),
    doc: { zh: "绝对值。", en: "Absolute value.", example: "ABS(-5)", result: "5" },
  }),
  math({
    name: "MOD",
    minArgs: 2,
    maxArgs: 2,
    args: ["number", "number"],
    returns: "number",
    impl: numeric(2, [], ([n = 0, d = 0]) =>
      d === 0 ? divZero() : toPrecision15(n - d * Math.floor(toPrecision15(n / d))),
    ),
    doc: {
      zh: "求余数，结果的符号与除数相同。",
      en: "Remainder of a division; it takes the sign of the divisor.",
      example: "MOD(-3,2)",
      result: "1",
    },
  }),
  math({
    name: "POWER",
    minArgs: 2,
    maxArgs: 2,
    args: ["number", "number"],
    returns: "number",
    impl: numeric(2, [], ([base = 0, exponent = 0]) => power(base, exponent)),
    doc: { zh: "乘幂。", en: "A number raised to a power.", example: "POWER(2,10)", result: "1024" },
  }),
  math({
    name: "SQRT",
    minArgs: 1,
    maxArgs: 1,
    args: ["number"],
    returns: "number",
    impl: numeric(1, [], ([n = 0]) => (n < 0 ? numError("square root of a negative number") : Math.sqrt(n))),
    doc: {
      zh: "平方根；负数返回 #NUM!。",
      en: "Square root; #NUM! for a negative number.",
      example: "SQRT(16)",
      result: "4",
    },
  }),
  math({
    name: "LOG",
    minArgs: 1,
    maxArgs: 2,
    args: ["number", "number"],
    returns: "number",
    impl: numeric(2, [10], ([n = 0, base = 10]) => {
      if (n <= 0 || base <= 0) return numError("logarithm of a number that is not positive");
      if (base === 1) return divZero("logarithm base 1");
      return toPrecision15(Math.log(n) / Math.log(base));
    }),
    doc: {
      zh: "对数，底数默认为 10。",
      en: "Logarithm, base 10 unless given.",
      example: "LOG(8,2)",
      result: "3",
    },
  }),
  math({
    name: "LN",
    minArgs: 1,
    maxArgs: 1,
    args: ["number"],
    returns: "number",
    impl: numeric(1, [], ([n = 0]) =>
      n <= 0 ? numError("logarithm of a number that is not positive") : Math.log(n),
    ),
    doc: { zh: "自然对数。", en: "Natural logarithm.", example: "LN(1)", result: "0" },
  }),
  math({
    name: "PI",
    minArgs: 0,
    maxArgs: 0,
    args: [],
    returns: "number",
    impl: () => Math.PI,
    doc: { zh: "圆周率 π。", en: "The number π.", example: "ROUND(PI(),4)", result: "3.1416" },
  }),
  math({
    name: "FIXED",
    minArgs: 1,
    maxArgs: 3,
    args: ["number", "number", "boolean"],
    returns: "text",
    impl: propagatingErrors((args) => {
      const n = numberArgs(args, 2, [2]);
      if (n instanceof FormulaErrorValue) return n;
      const [value = 0, decimals = 2] = n;
      const places = Math.trunc(decimals);
      const rounded = roundDecimal(value, places, "half-away");
      const text = Math.abs(rounded).toFixed(Math.max(places, 0));
      const [whole = "0", fraction] = text.split(".");
      const noSeparators = toBoolean(args[2]);
      if (noSeparators instanceof FormulaErrorValue) return noSeparators;
      const grouped = noSeparators ? whole : withThousands(whole);
      return `${rounded < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
    }),
    doc: {
      zh: "四舍五入到指定小数位（默认 2）并格式化为带千位分隔符的文本；第三个参数为 TRUE 时不加分隔符。",
      en: "Rounds to the decimals (default 2) and formats as text with thousands separators; TRUE as third argument omits them.",
      example: "FIXED(1234.567,1)",
      result: "1,234.6",
    },
  }),
  math({
    name: "RMBCAP",
    minArgs: 1,
    maxArgs: 1,
    args: ["number"],
    returns: "text",
    impl: numeric(1, [], ([n = 0]) =>
      Math.abs(n) >= RMB_LIMIT ? numError("amount too large") : rmbCapital(n),
    ),
    doc: {
      zh: "将金额转换为人民币大写（精确到分）。",
      en: "Writes an amount in Chinese upper-case currency words (to the fen).",
      example: "RMBCAP(1234.5)",
      result: "壹仟贰佰叁拾肆元伍角",
    },
  }),
];

/** Excel's ^ and POWER: 0 to a negative power is #DIV/0!, a non-real result is #NUM!. */
export function power(base: number, exponent: number): number | FormulaErrorValue {
  if (base === 0 && exponent < 0) return divZero();
  if (base === 0 && exponent === 0) return numError("0^0");
  const result = base ** exponent;
  return Number.isFinite(result) ? result : numError("result is not a finite real number");
}
