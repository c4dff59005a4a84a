import type { FormulaAnalyzer } from "../result";

/**
 * A stand-in formula analyzer for tests: identifiers (letters, digits, _ and dotted columns) that are not
 * followed by "(" are refs; an unbalanced parenthesis is a syntax diagnostic. The real parser lives in
 * packages/expressions and is plugged in by packages/fields.
 */
export const testAnalyzer: FormulaAnalyzer = (formula) => {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, (s) => " ".repeat(s.length));
  const refs = [...withoutStrings.matchAll(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_]\w*)?(?!\s*\(|\w)/g)]
    .map((m) => m[0])
    .filter((name) => !/^(TRUE|FALSE)$/.test(name));
  let depth = 0;
  const diagnostics: ReturnType<FormulaAnalyzer>["diagnostics"] = [];
  for (const [i, char] of [...withoutStrings].entries()) {
    depth += char === "(" ? 1 : char === ")" ? -1 : 0;
    if (depth < 0) {
      diagnostics.push({ code: "SYNTAX", message: 'unexpected ")"', line: 1, column: i + 1, length: 1 });
      break;
    }
  }
  if (depth > 0)
    diagnostics.push({
      code: "SYNTAX",
      message: 'missing ")"',
      line: 1,
      column: formula.length + 1,
      length: 0,
    });
  return { refs, diagnostics };
};

/** A deadline object; `then` is the contract's name for the deadline action, not a thenable. */
export function deadline(action: string, rest: Record<string, unknown>): Record<string, unknown> {
  // biome-ignore lint/suspicious/noThenProperty: the Deadline type of the contract names its action `then`
  return { ...rest, then: action };
}

/** The DESIGN §2 quote form with its approval flow. Each call returns a fresh copy tests may mutate. */
export function quoteForm(): Record<string, unknown> & { fields: Record<string, unknown>[] } {
  return {
    key: "quotes",
    name: { "zh-CN": "报价单", en: "Quotes" },
    fields: [
      {
        id: "no",
        type: "serial",
        label: "报价编号",
        pattern: [{ text: "QT-" }, { date: "yyyyMMdd" }, { counter: 4, reset: "daily" }],
      },
      { id: "customer", type: "link", label: "客户", form: "customers", required: true },
      {
        id: "items",
        type: "subform",
        label: "产品明细",
        fields: [
          { id: "price", type: "number", label: "单价" },
          { id: "qty", type: "number", label: "数量", min: 1 },
          { id: "subtotal", type: "number", label: "小计", formula: "price * qty" },
        ],
      },
      { id: "discount", type: "number", label: "折扣", min: 0, max: 1 },
      {
        id: "total",
        type: "money",
        label: "总金额",
        formula: "ROUND(SUM(items.subtotal) * (1 - discount), 2)",
      },
      { id: "reason", type: "textarea", label: "折扣原因", visibleWhen: { ">": [{ var: "discount" }, 0.2] } },
      { id: "sales", type: "member", label: "销售" },
      { id: "valid_until", type: "date", label: "有效期" },
    ],
    validations: [{ rule: { "<=": [{ var: "discount" }, 0.5] }, message: "折扣不能超过50%" }],
    settings: { titleField: "no" },
    flow: {
      nodes: [
        { id: "start", type: "start" },
        { id: "check", type: "branch" },
        {
          id: "manager",
          type: "approval",
          assignees: [{ deptHead: 1 }],
          mode: "any",
          fieldPermissions: { discount: "view", reason: "edit" },
          deadline: deadline("remind", { after: "P2D", repeat: "P1D" }),
        },
        { id: "director", type: "approval", assignees: [{ role: "sales_director" }], mode: "all" },
        { id: "end", type: "end" },
      ],
      edges: [
        { id: "e1", source: "start", target: "check" },
        { id: "e2", source: "check", target: "director", when: { ">": [{ var: "discount" }, 0.3] } },
        { id: "e3", source: "check", target: "manager", default: true },
        { id: "e4", source: "manager", target: "end" },
        { id: "e5", source: "director", target: "end" },
      ],
    },
  };
}
