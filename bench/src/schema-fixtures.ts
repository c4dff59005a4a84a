// Definitions for the definition-validator benchmarks (schema.bench.ts).

/** A 500-field form: the one the validator's own test checks. */
export { largeForm as largeFormDefinition } from "@formwork/schema/test-support/large-form";

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
