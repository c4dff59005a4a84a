import type { FunctionSpec } from "../types";
import { isBlank, toBoolean } from "./coerce";
import { force, propagatingErrors } from "./define";
import { isError, naError } from "./errors";

/** The argument's value for IF-like functions: thunks are forced, plain values pass through. */
const arg = (args: unknown[], i: number): unknown => force(args[i]);

export const LOGIC_FUNCTIONS: FunctionSpec[] = [
  {
    name: "IF",
    category: "logic",
    minArgs: 2,
    maxArgs: 3,
    args: ["boolean", "any", "any"],
    returns: (types) => types[1] ?? "any",
    lazy: true,
    impl: (args) => {
      const test = toBoolean(arg(args, 0));
      if (isError(test)) return test;
      if (test) return arg(args, 1);
      return args.length > 2 ? arg(args, 2) : false;
    },
    doc: {
      zh: "判断条件是否成立：成立返回第二个参数，否则返回第三个参数（省略时为 FALSE）。",
      en: "Returns the second argument when the condition is true, else the third (FALSE when omitted).",
      example: 'IF(80>=60,"及格","不及格")',
      result: "及格",
    },
  },
  {
    name: "IFS",
    category: "logic",
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    args: ["boolean", "any"],
    returns: (types) => types[1] ?? "any",
    lazy: true,
    impl: (args) => {
      if (args.length % 2 !== 0) return naError("IFS needs condition/value pairs");
      for (let i = 0; i < args.length; i += 2) {
        const test = toBoolean(arg(args, i));
        if (isError(test)) return test;
        if (test) return arg(args, i + 1);
      }
      return naError("no condition of IFS is true");
    },
    doc: {
      zh: "依次检查多个条件，返回第一个成立条件对应的值；都不成立时返回 #N/A。",
      en: "Checks conditions in order and returns the value paired with the first true one; #N/A when none is.",
      example: 'IFS(85>=90,"A",85>=80,"B",TRUE(),"C")',
      result: "B",
    },
  },
  {
    name: "AND",
    category: "logic",
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    args: ["boolean"],
    returns: "boolean",
    lazy: true,
    impl: (args) => {
      for (let i = 0; i < args.length; i++) {
        const value = toBoolean(arg(args, i));
        if (isError(value) || !value) return value;
      }
      return true;
    },
    doc: {
      zh: "所有参数都为真时返回 TRUE，否则返回 FALSE；空值视为 FALSE。",
      en: "TRUE when every argument is true, else FALSE; blanks count as FALSE.",
      example: "AND(3>1,2>1)",
      result: "TRUE",
    },
  },
  {
    name: "OR",
    category: "logic",
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    args: ["boolean"],
    returns: "boolean",
    lazy: true,
    impl: (args) => {
      for (let i = 0; i < args.length; i++) {
        const value = toBoolean(arg(args, i));
        if (isError(value) || value) return value;
      }
      return false;
    },
    doc: {
      zh: "任一参数为真时返回 TRUE，否则返回 FALSE。",
      en: "TRUE when any argument is true, else FALSE.",
      example: "OR(1>3,2>1)",
      result: "TRUE",
    },
  },
  {
    name: "NOT",
    category: "logic",
    minArgs: 1,
    maxArgs: 1,
    args: ["boolean"],
    returns: "boolean",
    impl: propagatingErrors((args) => {
      const value = toBoolean(args[0]);
      return isError(value) ? value : !value;
    }),
    doc: {
      zh: "对逻辑值取反。",
      en: "Reverses a logical value.",
      example: "NOT(1>2)",
      result: "TRUE",
    },
  },
  {
    name: "XOR",
    category: "logic",
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    args: ["boolean"],
    returns: "boolean",
    impl: propagatingErrors((args) => {
      let trueCount = 0;
      for (const a of args) {
        const value = toBoolean(a);
        if (isError(value)) return value;
        if (value) trueCount++;
      }
      return trueCount % 2 === 1;
    }),
    doc: {
      zh: "奇数个参数为真时返回 TRUE（异或）。",
      en: "TRUE when an odd number of arguments are true (exclusive or).",
      example: "XOR(TRUE(),FALSE())",
      result: "TRUE",
    },
  },
  {
    name: "ISEMPTY",
    category: "logic",
    minArgs: 1,
    maxArgs: 1,
    args: ["any"],
    returns: "boolean",
    impl: propagatingErrors((args) => {
      const value = args[0];
      return isBlank(value) || (Array.isArray(value) && value.length === 0);
    }),
    doc: {
      zh: "值为空（未填写、空文本或空的子表单列）时返回 TRUE。",
      en: "TRUE when the value is blank: not filled in, empty text or an empty sub-form column.",
      example: 'ISEMPTY("")',
      result: "TRUE",
    },
  },
  {
    name: "ISERROR",
    category: "logic",
    minArgs: 1,
    maxArgs: 1,
    args: ["any"],
    returns: "boolean",
    impl: (args) => isError(args[0]),
    doc: {
      zh: "值为错误（如 #DIV/0!、#VALUE!）时返回 TRUE。",
      en: "TRUE when the value is an error such as #DIV/0! or #VALUE!.",
      example: "ISERROR(1/0)",
      result: "TRUE",
    },
  },
  {
    name: "IFERROR",
    category: "logic",
    minArgs: 2,
    maxArgs: 2,
    args: ["any", "any"],
    returns: (types) => types[0] ?? "any",
    lazy: true,
    impl: (args) => {
      const value = arg(args, 0);
      return isError(value) ? arg(args, 1) : value;
    },
    doc: {
      zh: "第一个参数为错误时返回第二个参数，否则返回第一个参数。",
      en: "Returns the second argument when the first is an error, else the first.",
      example: "IFERROR(1/0,0)",
      result: "0",
    },
  },
  {
    name: "TRUE",
    category: "logic",
    minArgs: 0,
    maxArgs: 0,
    args: [],
    returns: "boolean",
    impl: () => true,
    doc: {
      zh: "返回逻辑值 TRUE。",
      en: "Returns the logical value TRUE.",
      example: "TRUE()",
      result: "TRUE",
    },
  },
  {
    name: "FALSE",
    category: "logic",
    minArgs: 0,
    maxArgs: 0,
    args: [],
    returns: "boolean",
    impl: () => false,
    doc: {
      zh: "返回逻辑值 FALSE。",
      en: "Returns the logical value FALSE.",
      example: "FALSE()",
      result: "FALSE",
    },
  },
];
