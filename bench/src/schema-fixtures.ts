// Definitions for the definition-validator benchmarks (schema.bench.ts).

/** A 500-field form: every common kind of setting, formulas chained over earlier fields, display rules, a sub-form. */
export function largeFormDefinition() {
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

/** A small form with an approval flow: the shape most definitions the server sees have. */
export function formWithFlowDefinition() {
  return {
    key: "leave",
    name: "Leave request",
    fields: [
      { id: "days", type: "number", label: "Days", required: true, min: 0.5 },
      { id: "reason", type: "textarea", label: "Reason" },
      { id: "kind", type: "select", label: "Kind", options: [{ value: "annual" }, { value: "sick" }] },
    ],
    flow: {
      nodes: [
        { id: "start", type: "start" },
        { id: "lead", type: "approval", assignees: [{ deptHead: 1 }], mode: "any" },
        { id: "long", type: "branch" },
        {
          id: "hr",
          type: "approval",
          assignees: [{ role: "hr" }],
          // biome-ignore lint/suspicious/noThenProperty: the deadline action of the contract is named `then`
          deadline: { after: "P2D", then: "remind" },
        },
        { id: "end", type: "end" },
      ],
      edges: [
        { id: "e1", source: "start", target: "lead" },
        { id: "e2", source: "lead", target: "long" },
        { id: "e3", source: "long", target: "hr", when: { ">": [{ var: "days" }, 3] } },
        { id: "e4", source: "long", target: "end", default: true },
        { id: "e5", source: "hr", target: "end" },
      ],
    },
  };
}
