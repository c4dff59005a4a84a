// A form's key is its stable name in URLs, formulas and templates: `[a-z][a-z0-9_]*`, at most 50
// characters, unique within the app. The create dialog proposes one from the name; the user may edit it.
export const FORM_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const FORM_KEY_MAX_LENGTH = 50;
const FALLBACK = "form";

export function isFormKey(value: string): boolean {
  return FORM_KEY_PATTERN.test(value) && value.length <= FORM_KEY_MAX_LENGTH;
}

/** Latin words of the name in snake case, or "form" for names without any (e.g. Chinese), made unique. */
export function suggestFormKey(name: string, taken: Iterable<string>): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  let base = (words ?? []).join("_").replace(/^[0-9_]+/, "");
  if (!base) base = FALLBACK;
  base = base.slice(0, FORM_KEY_MAX_LENGTH - 4).replace(/_+$/, "");
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
