import type { FormulaType, FunctionCategory, FunctionSpec } from "../types";
import { EXAMPLE_CONTEXT, EXAMPLE_RECORD } from "./examples";

// Renders docs/formulas.md from the function specs, so the reference cannot drift from the library.
// docs.test.ts fails when the file is stale; regenerate with
//   UPDATE_FORMULA_DOCS=1 npx vitest run src/functions/docs.test.ts   (in packages/expressions)

const CATEGORIES: { id: FunctionCategory; zh: string; en: string }[] = [
  { id: "logic", zh: "逻辑函数", en: "Logic" },
  { id: "text", zh: "文本函数", en: "Text" },
  { id: "math", zh: "数学函数", en: "Math" },
  { id: "date", zh: "日期函数", en: "Date" },
  { id: "aggregate", zh: "条件汇总", en: "Conditional aggregates" },
];

function typeName(type: FormulaType): string {
  return typeof type === "string" ? type : `list of ${typeName(type.array)}`;
}

/** `ROUND(number, [number])`, `SUM(list of number, ...)`. */
export function signature(spec: FunctionSpec): string {
  const shown = Number.isFinite(spec.maxArgs) ? spec.maxArgs : Math.max(spec.args.length, spec.minArgs, 1);
  const parts: string[] = [];
  for (let i = 0; i < shown; i++) {
    const type = spec.args[Math.min(i, spec.args.length - 1)];
    const name = type === undefined ? "value" : typeName(type);
    parts.push(i < spec.minArgs ? name : `[${name}]`);
  }
  if (!Number.isFinite(spec.maxArgs)) parts.push("...");
  return `${spec.name}(${parts.join(", ")})`;
}

const RULES = `## 空值、类型转换与错误 / Blanks, coercion and errors

**空值 / Blank.** 未填写的字段、\`null\` 和空文本 \`""\` 都是空值。A field left empty, \`null\` and the
empty text \`""\` are blank.

| 场景 / Context | 空值当作 / Blank reads as |
|---|---|
| 数字运算 / number (\`+ - * / ^\`, ROUND, ...) | \`0\` |
| 文本运算 / text (\`&\`, LEFT, ...) | \`""\` |
| 逻辑判断 / logical (IF, AND, ...) | \`FALSE\` |
| 比较 / comparison (\`= <> < > <= >=\`) | 对方的类型：\`0\`、\`""\` 或 \`FALSE\` / the other side's kind |
| SUM, AVERAGE, COUNT, MAX, MIN, ... | 忽略 / skipped (\`AVERAGE\` of only blanks is \`#DIV/0!\`) |
| 日期函数 / date functions (YEAR, EDATE, ...) | 结果为空 / the result is blank |

**类型转换 / Coercion.**
- 数字上下文中：\`TRUE\`→1、\`FALSE\`→0，数字文本（\`" 12.5 "\`、\`"1,234"\`、\`"50%"\`、\`"1e3"\`）转为数字，其他文本得到
  \`#VALUE!\`。In a number context TRUE is 1, FALSE is 0, numeric text (spaces, thousands separators, a
  trailing %, exponents) becomes a number, any other text is \`#VALUE!\`.
- 文本上下文中：数字按常规格式（最多 15 位有效数字，\`0.1+0.2\` 显示为 \`0.3\`），逻辑值为 \`TRUE\`/\`FALSE\`。In a text
  context numbers print in General format (15 significant digits) and logical values as TRUE/FALSE.
- 逻辑上下文中：非零数字为真，文本 \`"TRUE"\`/\`"FALSE"\`（不区分大小写）可用，其他文本得到 \`#VALUE!\`。In a
  logical context non-zero numbers are TRUE, the texts "TRUE"/"FALSE" (any case) work, other text is \`#VALUE!\`.
- 比较：文本不区分大小写；数字 < 文本 < 逻辑值（Excel 的顺序）；与数字比较的数字文本按数字比较；两个日期文本按时间先后比较；
  数字相等按 15 位有效数字判断（\`0.1+0.2=0.3\` 为 TRUE）。Comparisons: text is case-insensitive; numbers sort before
  text and text before logical values (Excel's order); numeric text against a number compares as numbers; two
  date texts compare as points in time; numbers are equal to 15 significant digits.
- 子表单列（\`items.subtotal\`）是一组值：SUM/AVERAGE/COUNT/MAX/MIN/PRODUCT/SUMPRODUCT/LARGE/SMALL/CONCATENATE 和
  条件汇总会展开它，只计其中的数字；需要单个值的地方，只有一行时取该行，空列为空值，多行得到 \`#VALUE!\`。A sub-form
  column is a list: aggregates flatten it and count only its numbers; where one value is expected a one-row
  column is its value, an empty column is blank and a longer one is \`#VALUE!\`.

**日期 / Dates.** 输入可以是 ISO 文本（\`2024-03-15\`、\`2024-03-15 08:30\`、\`2024-03-15T00:30:00Z\`）或毫秒时间戳；
日期结果为 \`YYYY-MM-DD\`，日期时间结果为完整 ISO（UTC）。TODAY()/NOW() 使用注入的时钟，时区默认
\`Asia/Shanghai\`。日期加减天数得到日期，两个日期相减得到天数。Dates come in as ISO text or epoch milliseconds;
date results are \`YYYY-MM-DD\`, date-time results full ISO instants (UTC). TODAY() and NOW() read the injected
clock, in the form's time zone (default Asia/Shanghai). A date plus or minus days is a date; a date minus a
date is a number of days.

**错误 / Errors.** 错误值像 Excel 一样向外传递：任何参数为错误，结果就是该错误（IF/IFS/AND/OR 只计算用到的参数；IFERROR
和 ISERROR 可以捕获错误）。在显示规则和校验中，错误视为 FALSE。Errors propagate as in Excel: a function given an
error returns it (IF/IFS/AND/OR only evaluate the arguments they use; IFERROR and ISERROR catch errors). In
display rules and validations an error counts as FALSE.

| 错误 / Error | 含义 / Meaning |
|---|---|
| \`#DIV/0!\` | 除以零；没有数值可求平均 / division by zero; nothing to average |
| \`#VALUE!\` | 类型不对，如 \`"abc"+1\`；找不到文本；参数个数不对 / wrong kind of value, text not found, wrong argument count |
| \`#NUM!\` | 数值无效或超出范围，如 \`SQRT(-1)\` / invalid or out-of-range number |
| \`#N/A\` | 没有可用的值，如 IFS 无条件成立 / no value available |
| \`#NAME?\` | 未知的函数或运算 / unknown function or operation |

**运算符 / Operators.** \`+ - * / ^\`（算术 / arithmetic），\`&\`（连接文本 / joins text），\`= <> < > <= >=\`（比较 /
comparison），\`-x\`（负号 / negation），\`x%\`（百分比 / percent）。

**规则中的 json-logic / json-logic in rules.** 显示规则、校验、分支条件直接写 json-logic，公式也编译成 json-logic，由同一个求值器执行。
json-logic 自带的运算照常可用（\`==\` \`!=\` \`===\` \`!==\` \`!\` \`!!\` \`and\` \`or\` \`if\` \`in\` \`cat\` \`substr\` \`min\` \`max\`
\`merge\` \`var\` \`missing\` \`missing_some\` \`map\` \`filter\` \`reduce\` \`all\` \`some\` \`none\` \`%\`），语义与 json-logic-js 相同；
\`+ - * / < > <= >=\` 保留 json-logic 的写法（\`+\`、\`*\` 可多参数，\`{"<": [a, b, c]}\` 表示 a < b < c），但按上面的 Excel
规则处理空值、类型和错误；\`method\` 和 \`log\` 不支持。\`var\` 只读取数据自身的属性，\`items.subtotal\` 得到子表单该列的所有值。
Display rules, validations and branch conditions are json-logic; formulas compile to json-logic and run on
the same evaluator. json-logic's own operations behave as in json-logic-js; \`+ - * / < > <= >=\` keep
json-logic's shapes (variadic \`+\` and \`*\`, the between form) but follow the Excel rules above for
blanks, kinds and errors; \`method\` and \`log\` are not available. \`var\` reads only the data's own
properties, and \`items.subtotal\` yields the sub-form's column.

**限制 / Limits.** 公式编译为 json-logic 后由我们自己的求值器执行：不使用 eval，不访问原型链；嵌套超过 64 层或超过 10,000 个
节点的逻辑在执行前被拒绝；文本结果最长 32,767 个字符。Formulas compile to json-logic run by our own evaluator: no eval,
no prototype access; logic nested deeper than 64 levels or with more than 10,000 nodes is rejected before it
runs; text results are at most 32,767 characters.
`;

export function renderFormulaDocs(functions: Record<string, FunctionSpec>): string {
  const specs = Object.values(functions);
  const out: string[] = [
    "# 公式函数 / Formula functions",
    "",
    "<!-- Generated from packages/expressions/src/functions (docs.ts); do not edit by hand. -->",
    "",
    `共 ${specs.length} 个函数。公式像 Excel 一样书写，字段用 id 引用，子表单的列写作 \`items.subtotal\`。`,
    `${specs.length} functions. Formulas are written as in Excel; fields are referenced by id and a sub-form column as`,
    "`items.subtotal`.",
    "",
    RULES,
    "## 示例数据 / Example data",
    "",
    `下面的示例都在这条记录上计算，时钟为 \`${EXAMPLE_CONTEXT.now.toISOString()}\`，时区 \`${EXAMPLE_CONTEXT.timeZone}\`。`,
    `Every example below runs on this record, with the clock at \`${EXAMPLE_CONTEXT.now.toISOString()}\` in \`${EXAMPLE_CONTEXT.timeZone}\`.`,
    "",
    "```json",
    JSON.stringify(EXAMPLE_RECORD),
    "```",
    "",
  ];
  for (const category of CATEGORIES) {
    const inCategory = specs
      .filter((s) => s.category === category.id)
      .sort((a, b) => a.name.localeCompare(b.name));
    out.push(`## ${category.zh} / ${category.en}`, "");
    out.push(
      "| 函数 / Function | 说明 | Description | 示例 / Example | 结果 / Result |",
      "|---|---|---|---|---|",
    );
    for (const spec of inCategory) {
      const cells = [
        `\`${signature(spec)}\``,
        spec.doc.zh,
        spec.doc.en,
        `\`${spec.doc.example}\``,
        `\`${spec.doc.result}\``,
      ].map((cell) => cell.replace(/\|/g, "\\|"));
      out.push(`| ${cells.join(" | ")} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
