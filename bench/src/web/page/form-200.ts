// The benchmark's form: 200 fields over the common input kinds (the renderer's and the plain form's
// inputs are the same antd components), half width so they sit two to a row, as a real long form does.
import type { FieldDefinition, FormDefinition } from "@formwork/schema";

export const KINDS = ["text", "number", "textarea", "select", "date", "radio", "checkbox", "money"] as const;
export type Kind = (typeof KINDS)[number];

const OPTIONS = ["甲", "乙", "丙", "丁"].map((label, i) => ({ value: `o${i}`, label }));

export function field(i: number): FieldDefinition {
  const kind = KINDS[i % KINDS.length]!;
  const base = { id: `f${i}`, label: `字段 ${i + 1}`, width: "1/2" as const };
  switch (kind) {
    case "select":
    case "radio":
    case "checkbox":
      return { ...base, type: kind, options: OPTIONS } as FieldDefinition;
    default:
      return { ...base, type: kind } as FieldDefinition;
  }
}

export const FIELD_COUNT = 200;

export const FORM_200: FormDefinition = {
  key: "bench_200",
  name: "200 个字段",
  fields: Array.from({ length: FIELD_COUNT }, (_, i) => field(i)),
};

export const OPTION_ITEMS = OPTIONS;
