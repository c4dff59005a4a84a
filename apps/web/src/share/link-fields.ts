// The fields a public link may name: those that hold data (layout-only fields carry nothing). The
// server checks the rest (checkPublicFields) and answers with a pointer when a field is refused.
import type { FormDefinition } from "@formwork/schema";
import { localize } from "../common/localized-text";

const LAYOUT = new Set(["divider", "description"]);

export function linkFieldOptions(definition: FormDefinition, language: string) {
  return definition.fields
    .filter((field) => !LAYOUT.has(field.type))
    .map((field) => ({ value: field.id, label: localize(field.label, language) || field.id }));
}
