// A quote form for the flow model tests: a number to branch on, a member field to assign by and a date
// field for deadlines.
import type { FlowDefinition, FormDefinition } from "@formwork/schema";

export function quoteForm(flow?: FlowDefinition): FormDefinition {
  return {
    key: "quotes",
    name: "报价单",
    fields: [
      { id: "discount", type: "number", label: "折扣" },
      { id: "owner", type: "member", label: "负责人" },
      { id: "due", type: "date", label: "截止" },
    ],
    ...(flow ? { flow } : {}),
  };
}

export const DISCOUNT_OVER_20 = { ">": [{ var: "discount" }, 0.2] };
