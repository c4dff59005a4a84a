// Which fields a public link may show. Pickers of members, departments and linked records would open the
// directory or other forms to anonymous visitors, and uploads need an account: those never go public.
import type { PublishedForm } from "@formwork/db";
import { type FormDefinition, FormworkError } from "@formwork/schema";

const NOT_PUBLIC = new Set(["member", "department", "link", "file", "image", "signature"]);

export function publicCapable(form: PublishedForm): string[] {
  return form.definition.fields.filter((f) => !NOT_PUBLIC.has(f.type)).map((f) => f.id);
}

/** Refuses ids that are not public-capable fields of the form, pointing at each. */
export function checkPublicFields(form: PublishedForm, ids: readonly string[], pointer: string): void {
  const allowed = new Set(publicCapable(form));
  const bad = ids.flatMap((id, i) =>
    allowed.has(id) ? [] : [{ path: `${pointer}/${i}`, message: `"${id}" cannot be public` }],
  );
  if (bad.length)
    throw new FormworkError("VALIDATION_FAILED", "These fields cannot be on a public link", bad);
}

/** The definition a visitor sees: only the link's fields (and no form-level rules naming others). */
export function publicDefinition(form: PublishedForm, fields: readonly string[]): FormDefinition {
  const shown = new Set(fields);
  const { key, name, description } = form.definition;
  return {
    key,
    name,
    ...(description === undefined ? {} : { description }),
    fields: form.definition.fields.filter((f) => shown.has(f.id)),
  };
}
