import { prop } from "../tolerant";

const POINTER = /^(\/([^~/]|~[01])*)*$/;

export function isJsonPointer(path: string): boolean {
  return POINTER.test(path);
}

/** Whether `pointer` names a value inside `root` (own properties and array indexes only). */
export function resolves(root: unknown, pointer: string): boolean {
  if (pointer === "") return true;
  let current = root;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= current.length) return false;
      current = current[Number(segment)];
    } else if (typeof current === "object" && current !== null && Object.hasOwn(current, segment)) {
      current = prop(current, segment);
    } else return false;
  }
  return true;
}

/** An issue points at a value of the input, or at a missing property of a value that is there. */
export function pointsIntoInput(root: unknown, pointer: string): boolean {
  return (
    isJsonPointer(pointer) &&
    (resolves(root, pointer) || resolves(root, pointer.slice(0, pointer.lastIndexOf("/"))))
  );
}

/** Every pointer into a value, so mutations can land anywhere in a realistic definition. */
export function pointersOf(value: unknown, base = ""): string[] {
  if (typeof value !== "object" || value === null) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    const path = `${base}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    return [path, ...pointersOf(child, path)];
  });
}
