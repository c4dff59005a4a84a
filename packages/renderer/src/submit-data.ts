import type { FormDefinition } from "@formwork/schema";

/**
 * What the browser sends: what the person entered in editable fields. Computed fields, serial numbers
 * and hidden fields are the server's to work out again (DESIGN §4: it never trusts the browser).
 */
export function submittedValues(
  form: FormDefinition,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (field.formula !== undefined || field.type === "serial" || field.type === "aggregate") continue;
    const value = values[field.id];
    if (value !== undefined) data[field.id] = value;
  }
  return data;
}

/** The serial numbers of a saved record with their labels, for the success page. */
export function serialNumbers(
  form: FormDefinition,
  data: Record<string, unknown>,
): { id: string; value: string }[] {
  return form.fields.flatMap((field) => {
    const value = data[field.id];
    return field.type === "serial" && typeof value === "string" ? [{ id: field.id, value }] : [];
  });
}
