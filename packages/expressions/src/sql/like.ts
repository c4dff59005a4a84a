// LIKE patterns built from user text. PostgreSQL's default LIKE escape character is the backslash
// (independent of standard_conforming_strings, because the pattern travels as a bound parameter), so
// escaping `\`, `%` and `_` with it makes every character of the user's text match literally.

/** Escapes `\`, `%` and `_` so the text matches itself inside a LIKE/ILIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** ILIKE pattern for "the value contains `text`" (case-insensitive substring). */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** ILIKE pattern for "the value starts with `text`". */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}
