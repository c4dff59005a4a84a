// Readers for definitions that may not match their schema: semantic checks run even when the schema
// check failed (so the designer sees every problem at once) and must never throw on odd shapes.

export type Obj = Record<string, unknown>;

export function asObject(value: unknown): Obj | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An own property only: `__proto__` or `constructor` keys in JSON never reach the prototype chain. */
export function prop(value: unknown, key: string): unknown {
  const object = asObject(value);
  return object && Object.hasOwn(object, key) ? object[key] : undefined;
}

export function stringProp(value: unknown, key: string): string | undefined {
  const v = prop(value, key);
  return typeof v === "string" ? v : undefined;
}

export function ownKeys(value: unknown): string[] {
  const object = asObject(value);
  return object ? Object.keys(object) : [];
}
