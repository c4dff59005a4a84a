// Optimistic concurrency over HTTP: a resource's ETag is its version (a record's version, a draft's or a
// menu's revision); writes name the version they read in If-Match (`3`, `"3"` or `W/"3"`).
import { FormworkError } from "@formwork/schema";

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match header names; undefined when absent and optional. */
export function parseIfMatch(
  header: string | undefined,
  required: boolean,
  what = "record",
): number | undefined {
  if (header === undefined || header.trim() === "") {
    if (!required) return undefined;
    throw new FormworkError(
      "PRECONDITION_REQUIRED",
      `Send If-Match with the version of the ${what} you read`,
      [{ path: "/headers/if-match", message: "missing" }],
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new FormworkError("BAD_REQUEST", `If-Match must name one ${what} version`, [
      { path: "/headers/if-match", message: "expected a version number" },
    ]);
  }
  return Number(match[1]);
}
