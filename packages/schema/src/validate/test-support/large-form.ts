/**
 * 500 fields: every kind of setting, formulas chained over earlier fields, rules, a sub-form. The
 * validator's test and its benchmark (bench/src/schema.bench.ts) use the same form.
 */
export function largeForm() {
  const fields: Record<string, unknown>[] = [];
  for (let i = 0; fields.length < 499; i++) {
    const base = { id: `f${i}`, label: { "zh-CN": `字段 ${i}`, en: `Field ${i}` }, width: "1/2" };
    switch (i % 6) {
      case 0:
        fields.push({ ...base, type: "number", min: 0, max: 1000, precision: 2 });
        break;
      case 1:
        fields.push({ ...base, type: "money", formula: `ROUND(f${i - 1} * 1.13, 2)`, currency: "CNY" });
        break;
      case 2:
        fields.push({
          ...base,
          type: "select",
          options: [{ value: "a" }, { value: "b" }, { value: "c", label: "C" }],
        });
        break;
      case 3:
        fields.push({
          ...base,
          type: "text",
          maxLength: 50,
          visibleWhen: { "==": [{ var: `f${i - 1}` }, "a"] },
        });
        break;
      case 4:
        fields.push({ ...base, type: "date", required: true });
        break;
      default:
        fields.push({
          ...base,
          type: "textarea",
          visibleWhen: { and: [{ ">": [{ var: `f${i - 5}` }, 10] }, { var: `f${i - 2}` }] },
        });
    }
  }
  fields.push({
    id: "lines",
    type: "subform",
    label: "Lines",
    fields: [
      { id: "price", type: "number", label: "Price" },
      { id: "qty", type: "number", label: "Qty" },
      { id: "amount", type: "number", label: "Amount", formula: "price * qty" },
    ],
  });
  return {
    key: "large",
    name: "Large",
    fields,
    validations: [{ rule: { "<": [{ var: "f0" }, { var: "f6" }] }, message: "m" }],
  };
}
