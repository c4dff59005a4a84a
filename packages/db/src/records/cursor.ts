// Keyset cursors: the sort key values and id of a page's last row, opaque (base64url JSON) to clients,
// bound to the sort they were made for.
import { FormworkError } from "@formwork/schema";

export type CursorValue = string | number | boolean | null;

interface CursorBody {
  s: string;
  v: CursorValue[];
}

export function encodeCursor(sortSignature: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sortSignature, v: values } satisfies CursorBody)).toString(
    "base64url",
  );
}

function invalid(): FormworkError {
  return new FormworkError("BAD_REQUEST", "The cursor is not valid for this query.", [
    { path: "/cursor", message: "Invalid or stale cursor" },
  ]);
}

/** The values of a cursor made for this sort (`length` = sort keys + id), or BAD_REQUEST. */
export function decodeCursor(cursor: string, sortSignature: string, length: number): CursorValue[] {
  if (cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (typeof body !== "object" || body === null) throw invalid();
  const { s, v } = body as Partial<CursorBody>;
  if (s !== sortSignature || !Array.isArray(v) || v.length !== length) throw invalid();
  for (const value of v) {
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) throw invalid();
  }
  const id = v[v.length - 1];
  if (typeof id !== "string") throw invalid();
  return v as CursorValue[];
}
