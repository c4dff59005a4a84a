// The print page's body in the form's order: runs of ordinary fields (drawn by the renderer in their
// widths) between sub-forms (drawn as tables by PrintSubform).
import type { FieldDefinition, FieldOf } from "@formwork/schema";

export type PrintSegment =
  | { type: "fields"; fields: FieldDefinition[] }
  | { type: "subform"; field: FieldOf<"subform"> };

export function printSegments(fields: readonly FieldDefinition[]): PrintSegment[] {
  const out: PrintSegment[] = [];
  for (const field of fields) {
    if (field.type === "subform") {
      out.push({ type: "subform", field: field as FieldOf<"subform"> });
      continue;
    }
    const last = out.at(-1);
    if (last?.type === "fields") last.fields.push(field);
    else out.push({ type: "fields", fields: [field] });
  }
  return out;
}
