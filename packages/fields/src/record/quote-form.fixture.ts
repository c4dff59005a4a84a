// The quote form of DESIGN §2, used by the pipeline's tests.
import type { FormDefinition } from "@formwork/schema";

export function quoteForm(): FormDefinition {
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
      {
        id: "reason",
        type: "textarea",
        label: "折扣原因",
        visibleWhen: { ">": [{ var: "discount" }, 0.2] },
      },
    ],
    validations: [
      {
        rule: { "<=": [{ var: "discount" }, 0.5] },
        message: { "zh-CN": "折扣不能超过50%", en: "Discount may not exceed 50%" },
      },
    ],
  };
}
