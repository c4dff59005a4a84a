// Prefill from the address bar: `?customer=ACME&discount=0.1` fills fields a person could type into.
// Only top-level, editable, non-computed fields of simple types take part; the values are then
// normalised and checked by the pipeline like anything typed, so a bad parameter is an inline error.
import type { FieldDefinition, FieldType, FormDefinition } from "@formwork/schema";

const SCALAR: ReadonlySet<FieldType> = new Set([
  "text",
  "textarea",
  "date",
  "datetime",
  "radio",
  "select",
  "phone",
  "email",
  "link",
  "member",
  "department",
]);
const NUMERIC: ReadonlySet<FieldType> = new Set(["number", "money", "rating"]);
const LISTS: ReadonlySet<FieldType> = new Set(["checkbox", "multiselect", "members", "departments"]);

export function prefillable(field: FieldDefinition): boolean {
  if (field.formula !== undefined || field.readonly) return false;
  if (field.type === "link" && field.multiple) return true;
  return SCALAR.has(field.type) || NUMERIC.has(field.type) || LISTS.has(field.type);
}

function parse(field: FieldDefinition, raw: string): unknown {
  if (NUMERIC.has(field.type)) {
    const trimmed = raw.trim();
    const number = Number(trimmed);
    // A non-number stays text, so the pipeline reports it under the field instead of it vanishing.
    return trimmed !== "" && Number.isFinite(number) ? number : raw;
  }
  if (LISTS.has(field.type) || (field.type === "link" && field.multiple))
    return raw
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
  return raw;
}

/** The values the query string gives; parameters that name no prefillable field are ignored. */
export function prefillFromQuery(
  form: FormDefinition,
  search: string | URLSearchParams,
): Record<string, unknown> {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    const raw = params.get(field.id);
    if (raw === null || !prefillable(field)) continue;
    values[field.id] = parse(field, raw);
  }
  return values;
}
