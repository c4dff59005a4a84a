// Readable field ids: `<type>_<n>` with the smallest n not taken, so a designer sees `text_1`, `text_2`.
const FIELD_ID = /^[a-z][a-z0-9_]*$/;
export const MAX_FIELD_ID_LENGTH = 64;

export function isValidFieldId(id: string): boolean {
  return id.length <= MAX_FIELD_ID_LENGTH && FIELD_ID.test(id);
}

/** The first free `<base>_<n>` (n ≥ 1); `base` is reduced to the id alphabet first. */
export function nextFieldId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const cleaned = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .slice(0, MAX_FIELD_ID_LENGTH - 8);
  const stem = cleaned || "field";
  for (let n = 1; ; n++) {
    const id = `${stem}_${n}`;
    if (!used.has(id)) return id;
  }
}
