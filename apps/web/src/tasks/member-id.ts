/** Member inputs answer an id, `[id]` or `{id}`; the workflow API takes plain ids. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return idOf(value[0]);
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}
