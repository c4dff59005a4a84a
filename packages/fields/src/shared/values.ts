// Small value predicates shared by the field types.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Empty in the form sense: nothing entered. 0 and false are values. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Allow null (the "empty" value) next to whatever `schema` accepts. */
export function nullable(schema: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(schema.enum) && !schema.enum.includes(null))
    schema = { ...schema, enum: [...schema.enum, null] };
  const type = schema.type;
  if (typeof type === "string") return { ...schema, type: [type, "null"] };
  if (Array.isArray(type)) return type.includes("null") ? schema : { ...schema, type: [...type, "null"] };
  return { anyOf: [{ type: "null" }, schema] };
}

/** Trim a string; anything else is returned as it came. */
export function trimmed(value: unknown): unknown {
  return typeof value === "string" ? value.trim() : value;
}

/** Empty strings and empty arrays become null so "nothing entered" has one shape. */
export function emptyToNull(value: unknown): unknown {
  if (typeof value === "string" && value === "") return null;
  return value === undefined ? null : value;
}

/** Keep the first occurrence of every value, in order. */
export function dedupe<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Id of a record, member or department: what the server generates and the API accepts. */
export const ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";
const idRegex = new RegExp(ID_PATTERN);
export function isId(value: unknown): value is string {
  return typeof value === "string" && idRegex.test(value);
}

export function hasNul(value: string): boolean {
  return value.includes("\u0000");
}

/** A scalar as display text; anything else (objects, bigints, symbols) shows as nothing. */
export function scalarText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** Set an own property even for a key like "__proto__", so copying hostile input never rewires a prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
