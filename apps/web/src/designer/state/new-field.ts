// A freshly dropped field: the type's label as its label, and the settings its schema requires.
import { fieldTypes } from "@formwork/fields";
import type { FieldDefinition, FieldType, LocalizedText } from "@formwork/schema";
import { nextFieldId } from "./field-ids";

/** Types that can't be a sub-form column: nesting and layout have no meaning inside a row. */
export const NOT_IN_SUBFORM: ReadonlySet<FieldType> = new Set([
  "subform",
  "divider",
  "description",
  "lookup",
  "aggregate",
  "serial",
]);

export function optionLabel(n: number): LocalizedText {
  return { "zh-CN": `选项${n}`, en: `Option ${n}` };
}

function requiredSettings(type: FieldType): Record<string, unknown> {
  switch (type) {
    case "radio":
    case "checkbox":
    case "select":
    case "multiselect":
      return {
        options: [1, 2, 3].map((n) => ({ value: `option_${n}`, label: optionLabel(n) })),
      };
    case "subform":
      return { fields: [] };
    case "link":
      return { form: "" };
    case "lookup":
      return { form: "", fields: [] };
    case "aggregate":
      return { form: "", measure: "count" };
    case "serial":
      return { pattern: [{ date: "yyyyMMdd" }, { counter: 4 }] };
    default:
      return {};
  }
}

export function createField(type: FieldType, takenIds: Iterable<string>): FieldDefinition {
  const def = fieldTypes[type];
  return {
    id: nextFieldId(type, takenIds),
    type,
    label: def.label,
    ...(type === "divider" || type === "description" ? {} : { width: "full" }),
    ...requiredSettings(type),
  } as FieldDefinition;
}
