// A related query's (关联查询) filter with this record's values put in: `{"var": "$record.id"}` becomes
// the record's id, `{"var": "$form.x"}` / `{"var": "$record.x"}` the value of its field x, so the list
// endpoint (which applies the viewer's rights on the other form) answers "this customer's contacts".
// A name whose value is still blank (a record not yet saved, a customer not yet picked) means there is
// nothing to look up yet: null, rather than a query for records whose link is empty.

const PREFIXES = ["$record.", "$form."];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * The filter as JSON with the record's values in ("null" when there is no filter: every record), or null
 * while one of them is blank.
 */
export function relatedFilter(
  filter: unknown,
  values: Readonly<Record<string, unknown>>,
  recordId: string | undefined,
): string | null {
  let blank = false;
  const put = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(put);
    if (!isObject(node)) return node;
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === "var") {
      const raw = Array.isArray(node.var) ? node.var[0] : node.var;
      const name = typeof raw === "string" ? raw : "";
      const prefix = PREFIXES.find((p) => name.startsWith(p));
      if (!prefix) return node;
      const value = name === "$record.id" ? recordId : values[name.slice(prefix.length)];
      if (isBlank(value)) blank = true;
      return value ?? null;
    }
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, put(child)]));
  };
  const resolved = filter === undefined ? null : put(filter);
  return blank ? null : JSON.stringify(resolved);
}
