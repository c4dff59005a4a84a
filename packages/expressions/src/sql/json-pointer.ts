// RFC 6901 JSON pointers, so every error names the exact spot of the filter or sort it is about.

export function pointerSegment(key: string | number): string {
  if (typeof key === "number") return String(key);
  // Most keys need no escaping; skipping the regexes matters because every operand gets a path.
  if (!key.includes("~") && !key.includes("/")) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${pointerSegment(key)}`;
}

/** Resolves a pointer against a JSON value; `undefined` when it names nothing. */
export function resolvePointer(doc: unknown, pointer: string): { found: boolean; value?: unknown } {
  if (pointer === "") return { found: true, value: doc };
  if (!pointer.startsWith("/")) return { found: false };
  let current: unknown = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= current.length) return { found: false };
      current = current[Number(key)];
    } else if (current !== null && typeof current === "object" && Object.hasOwn(current, key)) {
      current = (current as Record<string, unknown>)[key];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
