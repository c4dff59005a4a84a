// Excel wildcards (? one character, * any run, ~ escapes the next character), matched without regular
// expressions: a pattern such as "a*a*a*a*b" would make a backtracking regex take exponential time on
// text of 32,767 characters. Here a pattern is split at its stars and each piece is found greedily,
// which is O(text × pattern). Matching is case-insensitive and counts characters (code points).

const ANY = Symbol("?");
type Piece = string | typeof ANY;

export interface Wildcard {
  /** The pieces between stars; a pattern without stars has one. */
  segments: Piece[][];
}

export function parseWildcard(pattern: string): Wildcard {
  const segments: Piece[][] = [[]];
  const chars = Array.from(pattern.toLowerCase());
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const current = segments[segments.length - 1] as Piece[];
    if (c === "~" && i + 1 < chars.length) current.push(chars[++i] as string);
    else if (c === "*") segments.push([]);
    else if (c === "?") current.push(ANY);
    else current.push(c);
  }
  return { segments };
}

function matchesAt(segment: Piece[], text: string[], at: number): boolean {
  if (at + segment.length > text.length) return false;
  for (let i = 0; i < segment.length; i++) {
    const piece = segment[i];
    if (piece !== ANY && piece !== text[at + i]) return false;
  }
  return true;
}

function indexOfSegment(segment: Piece[], text: string[], from: number, until = text.length): number {
  for (let at = from; at + segment.length <= until; at++) if (matchesAt(segment, text, at)) return at;
  return -1;
}

/** Finds the remaining segments in order, each as early as possible, ending by `until`. */
function restFits(segments: Piece[][], text: string[], from: number, until: number): boolean {
  let position = from;
  for (const segment of segments) {
    const at = indexOfSegment(segment, text, position, until);
    if (at < 0) return false;
    position = at + segment.length;
  }
  return true;
}

/** Whether the whole text matches (COUNTIF/SUMIF criteria). */
export function matchesWhole(wildcard: Wildcard, input: string): boolean {
  const text = Array.from(input.toLowerCase());
  const { segments } = wildcard;
  const first = segments[0] as Piece[];
  if (segments.length === 1) return first.length === text.length && matchesAt(first, text, 0);
  const last = segments[segments.length - 1] as Piece[];
  const lastAt = text.length - last.length;
  if (lastAt < first.length || !matchesAt(first, text, 0) || !matchesAt(last, text, lastAt)) return false;
  return restFits(segments.slice(1, -1), text, first.length, lastAt);
}

/**
 * The 0-based character index of the first match in `text[from..]`, or -1 (SEARCH). The earliest
 * occurrence of the first piece is the answer whenever any match exists: a later start leaves less
 * room for the rest.
 */
export function searchWildcard(wildcard: Wildcard, text: string[], from: number): number {
  const lowered = text.map((c) => c.toLowerCase());
  const [first = [], ...rest] = wildcard.segments;
  const start = indexOfSegment(first, lowered, from);
  if (start < 0) return -1;
  return restFits(rest, lowered, start + first.length, lowered.length) ? start : -1;
}
